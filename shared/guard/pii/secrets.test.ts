// Secrets have no public data: keys are generated from the providers'
// published formats, with look-alikes (git hashes, UUIDs, base64 images) as negatives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPii } from './detect';
import { findSecrets } from './secrets';

const alphabet = (chars: string, n: number) =>
  fc.array(fc.constantFrom(...chars), { minLength: n, maxLength: n }).map((a) => a.join(''));
const base62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const upperDigits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const keyShapes: [string, fc.Arbitrary<string>, string][] = [
  ['OpenAI legacy', alphabet(base62, 48).map((s) => `sk-${s}`), 'API_KEY'],
  ['OpenAI project', alphabet(`${base62}_-`, 120).map((s) => `sk-proj-${s}`), 'API_KEY'],
  ['GitHub classic', alphabet(base62, 36).map((s) => `ghp_${s}`), 'API_KEY'],
  ['GitHub fine-grained', alphabet(`${base62}_`, 82).map((s) => `github_pat_${s}`), 'API_KEY'],
  ['AWS access key id', alphabet(upperDigits, 16).map((s) => `AKIA${s}`), 'API_KEY'],
  ['Slack bot', alphabet('0123456789', 12).map((s) => `xoxb-${s}-${s}-abcdefghijklmnopqrstuvwx`), 'API_KEY'],
  ['Google', alphabet(`${base62}_-`, 35).map((s) => `AIza${s}`), 'API_KEY'],
  ['Stripe', alphabet(base62, 24).map((s) => `sk_live_${s}`), 'API_KEY'],
  // The entropy rule asks for at least one digit (so long words never count); real random keys of
  // this length almost always have one, and the generator makes sure.
  [
    'random base64 secret',
    fc.noBias(
      fc
        .tuple(alphabet(`${base62}+/`, 39), fc.constantFrom(...'0123456789'), fc.nat(39))
        .map(([s, digit, at]) => s.slice(0, at) + digit + s.slice(at)),
    ),
    'SECRET',
  ],
];

describe('secrets', () => {
  it.each(keyShapes)('finds a generated %s key inside a sentence', (_name, key, type) => {
    fc.assert(
      fc.property(key, (k) => {
        const text = `my key is ${k} thanks`;
        const spans = detectPii(text);
        expect(spans.map((s) => [s.type, text.slice(s.start, s.end)])).toEqual([[type, k]]);
      }),
      // Seeded: about 1 random 40-character key in 7,000 draws too many repeats to pass the entropy
      // rule (a deliberate trade against false alarms), so an unseeded run would fail now and then.
      { numRuns: 50, seed: 20261123 },
    );
  });

  it('finds a private-key block from BEGIN to END, and a cut-off one to the end', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nVJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1G\n';
    const pem = `-----BEGIN PRIVATE KEY-----\n${body}-----END PRIVATE KEY-----`;
    const text = `here:\n${pem}\nbye`;
    expect(findSecrets(text).map((s) => text.slice(s.start, s.end))).toContain(pem);
    expect(detectPii(text)).toEqual([{ start: 6, end: 6 + pem.length, type: 'PRIVATE_KEY' }]);
    const cut = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow';
    expect(detectPii(cut)).toEqual([{ start: 0, end: cut.length, type: 'PRIVATE_KEY' }]);
  });

  it('leaves look-alikes alone: hashes, UUIDs, data URLs, base64 images, long words and paths', () => {
    const hex = (n: number) => alphabet('0123456789abcdef', n);
    fc.assert(
      fc.property(hex(40), hex(64), fc.uuid(), alphabet(`${base62}+/`, 200), (sha1, sha256, uuid, b64) => {
        for (const text of [
          `commit ${sha1}`,
          `sha256:${sha256}`,
          `id ${uuid}`,
          `<img src="data:image/png;base64,${b64}">`,
          `raw iVBORw0KGgo${b64}`,
        ]) {
          expect(detectPii(text)).toEqual([]);
        }
      }),
      { numRuns: 50 },
    );
    for (const text of [
      'antidisestablishmentarianism and internationalization',
      'see src/renderer/components/chat-view/message-bubble.tsx',
      'the variable is named userAccountSettingsPanelVisible',
      'sk-learn is a typo for scikit-learn',
      // A UUID whose digit groups look like a phone number (found by fast-check).
      'id 43239115-0003-1000-8000-000000000000',
      // A UK-postcode shape inside base64 data (found by fast-check).
      '<img src="data:image/png;base64,AAAAAAAAAAA/AA6A7AA+AAAAAAAAAAAAAAAA">',
    ])
      expect(detectPii(text)).toEqual([]);
  });
});
