// app.openLink: what a confirmed link from a chat answer may be, and what the
// user reads when it may not.
import { describe, expect, it, vi } from 'vitest';
import { AirlockError } from '../errors';
import { openLink } from './open-link';

async function refusal(url: string, opener?: Parameters<typeof openLink>[1]): Promise<AirlockError> {
  const error = await openLink(url, opener).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AirlockError);
  return error as AirlockError;
}

describe('app.openLink', () => {
  it('hands a confirmed https link to the page when there is no system browser (serve)', async () => {
    expect(await openLink('https://Example.com/a%20b?q=1')).toEqual({
      url: 'https://example.com/a%20b?q=1',
      via: 'window',
    });
  });

  it('opens through the system browser with the normalized address when the carrier has one', async () => {
    const opener = vi.fn(() => Promise.resolve());
    expect(await openLink('https://EXAMPLE.com/x', opener)).toEqual({
      url: 'https://example.com/x',
      via: 'system',
    });
    expect(opener).toHaveBeenCalledWith('https://example.com/x');
  });

  it.each([
    ['http://example.invalid/leak?d=secret', 'scheme', /only secure web links/],
    ['javascript:alert(1)', 'scheme', /only secure web links/],
    ['file:///etc/passwd', 'scheme', /only secure web links/],
    ['https://user:pw@example.com/', 'credentials', /user name or password/],
    ['https://example.com:8443/', 'port', /unusual port/],
    ['https://аpple.com/', 'punycode_host', /look-alike letters/],
    ['https://exa\u200bmple.com/', 'hidden_characters', /hides characters/],
    ['example.com', 'unparseable', /not a complete web address/],
  ])('refuses %s (%s) with a sentence', async (url, reason, message) => {
    const error = await refusal(url);
    expect(error.code).toBe('invalid_input');
    expect(error.details).toEqual({ reason });
    expect(error.message).toMatch(message);
  });

  it('says so plainly when the browser does not open', async () => {
    const error = await refusal('https://example.com/', () => Promise.reject(new Error('no handler')));
    expect(error.code).toBe('unavailable');
    expect(error.message).not.toMatch(/no handler/);
  });
});
