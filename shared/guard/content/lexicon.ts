// Word and phrase rules per category, matched on folded text (fold.ts). They
// name a harmful act with its object ("kill someone", "buy meth"), not a bare
// verb, so "kill a Python process" or "the history of the atomic bomb" pass;
// the learned model (model.ts) covers the wording these miss. Every phrase is
// at most four words, which is what the stream filter's window holds back
// (the intent rule runs longer; its start falls in the window's 48 characters of
// shown context, so the answer still stops before the person is named).
// Patterns are alternations of literals with single optional parts and bounded
// gaps: no nested quantifiers, so matching stays linear (issue 5, robustness).
import { allMatches } from '../regex-scan';
import type { ContentCategory } from './policy';

export interface LexiconRule {
  category: ContentCategory;
  re: RegExp;
  /** Decides alone on a whole message (an act with its object); otherwise the model must agree. */
  decisive: boolean;
}

// A gap of up to two short words between verb and object ("kill all the", "buy some").
const gap = "(?:[a-z']{1,12} ){0,2}";
const w = (body: string): string => `(?<![a-z])(?:${body})(?![a-z])`;

const people =
  '(?:someone|somebody|people|person|humans?|him|her|them|my (?:mom|mother|dad|father|brother|sister|teacher|wife|husband|ex|neighbou?r|boss|classmate|friend)s?|kids?|children|a child|babies|immigrants|jews|muslims|christians|gays?|women|men|cops?)';
const drugs =
  '(?:cocaine|coke|crack|meth|methamphetamine|heroin|fentanyl|lsd|acid tabs|mdma|molly|ecstasy|ketamine|shrooms|magic mushrooms|weed|marijuana|marihuana|cannabis|edibles|oxycodone|xanax|percocet|opioids|opium|drugs)';
const minors =
  '(?:child|children|kids?|minors?|underage|preteens?|little (?:girls?|boys?)|(?:[1-9]|1[0-7])[ -]?(?:yo|y/?o|years? old)|(?:six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[ -]years?[ -]old|schoolgirls?|toddlers?)';
const sexualWords =
  '(?:sex|sexual|sexually|nude|nudes|naked|porn|porno|pornographic|erotic|horny|orgasm|masturbat[a-z]*|blowjobs?|handjobs?|dildos?|vibrators?|boobs|tits|penis|vagina|genitals|cum|cumming|hentai|nsfw|onlyfans|stripper|strip club|fetish|bdsm|intercourse|molest[a-z]*)';

// [category, pattern, decisive]
const rules: Array<[ContentCategory, string, boolean?]> = [
  [
    'self_harm',
    w(
      `(?:kill|killing|hurt|hurting|cut|cutting|harm|harming|hang|starve|starving|poison) (?:my ?self|myself)`,
    ),
    true,
  ],
  [
    'self_harm',
    w(
      `(?:end|ending|take|taking) my (?:own )?life|suicid(?:e|al)|self[ -]?harm(?:ing)?|want(?:ed)? to die|wanna die|better off dead`,
    ),
    true,
  ],
  [
    'self_harm',
    w(
      `(?:slit|slitting|cut|cutting) my (?:wrists?|arms?|veins?)|overdos(?:e|ing) on|don'?t want to (?:live|be alive|exist)|no reason to live`,
    ),
    true,
  ],
  [
    'sexual_minors',
    w(
      `child porn|cp links|lolicon|loli|shotacon|jailbait|pedo|pedophil[a-z]*|paedophil[a-z]*|groom(?:ing)? (?:a )?(?:child|kid|minor)s?`,
    ),
    true,
  ],
  ['sexual_minors', w(`${sexualWords} (?:with |of |to )?${gap}${minors}`), true],
  ['sexual_minors', w(`${minors} ${gap}${sexualWords}`), true],
  ['sexual', w(sexualWords)],
  [
    'sexual',
    w(
      `(?:have|having|had) sex|make love|hook ?up with|send (?:me )?nudes|sext(?:ing)?|rape|raped|raping|rapist`,
    ),
  ],
  [
    'violence',
    w(
      `(?:kill|killing|murder|murdering|stab|stabbing|strangle|strangling|shoot|shooting|behead|torture|torturing|poison|poisoning|kidnap|kidnapping|beat up|hurt|slaughter|exterminate|massacre) ${gap}${people}`,
    ),
  ],
  // The speaker's own intent or a how-to, aimed at a person: "I want to kill my teacher", "how do I stab someone".
  [
    'violence',
    w(
      `(?:i (?:want|wanna|am going|'m going|will|gonna|plan|need) to|i'll|how (?:do|can|could|should) i|help me) ${gap}(?:kill|murder|stab|strangle|shoot|poison|beat up|hurt|torture|kidnap) ${gap}${people}`,
    ),
    true,
  ],
  [
    'violence',
    w(
      `(?:bomb|shoot up|blow up|attack|burn down) ${gap}(?:my |the |a )?(?:school|church|mosque|synagogue|mall|concert|hospital|building|crowd|airport|plane)`,
    ),
  ],
  [
    'violence',
    w(
      `mass shooting|school shooting|genocide (?:is|was) (?:good|right)|gore|dismember(?:ed|ing)?|decapitat(?:e|ed|ing)|torture porn|snuff film`,
    ),
  ],
  [
    'weapons',
    w(
      `(?:make|making|build|building|how to make|craft) ${gap}(?:bomb|pipe bomb|explosives?|molotov|napalm|grenade|nerve gas|sarin|ricin|untraceable gun|ghost gun|silencer|suppressor|zip gun)`,
    ),
    true,
  ],
  [
    'weapons',
    w(
      `(?:buy|get|order|3d print|print) ${gap}(?:guns?|firearms?|a pistol|a rifle|ammo|ammunition|an ar-?15|a glock)|pipe bomb|ghost gun`,
    ),
    true,
  ],
  [
    'drugs',
    w(
      `(?:buy|buying|sell|selling|get|score|make|cook|cooking|smoke|smoking|snort|snorting|inject|shoot up|take|taking|try|grow|growing|hide) ${gap}${drugs}`,
    ),
    true,
  ],
  [
    'drugs',
    w(
      `get (?:high|stoned|drunk|wasted)|getting (?:high|stoned|drunk|wasted)|weed|meth|cocaine|heroin|fentanyl|vape|vaping|vodka|tequila|whiskey|beer|drunk|alcohol|blunt|bong|joint`,
    ),
  ],
  [
    'hate',
    w(
      `(?:hate|despise|kill|gas|deport) ${gap}(?:all )?(?:jews|muslims|blacks|black people|gays|gay people|immigrants|mexicans|asians|arabs|women|trans people|disabled people)`,
    ),
  ],
  [
    'hate',
    w(
      `(?:jews|muslims|blacks|gays|immigrants|women|trans people|disabled people) (?:are|r) (?:all )?(?:vermin|animals|subhuman|parasites|scum|inferior|disgusting|trash)|should (?:all )?(?:die|be killed|be exterminated|be gassed)|subhuman|white power|heil hitler|kill yourself|kys`,
    ),
  ],
  [
    'gambling',
    w(
      `gambl(?:e|ing)|casinos?|sports ?betting|bet on|place a bet|betting site|poker (?:site|money)|slot machines?|sportsbook|roulette|blackjack for money`,
    ),
    true,
  ],
  [
    'dating',
    w(
      `dating (?:app|site)s?|tinder|bumble|grindr|hinge app|hook ?ups?|meet (?:up with )?(?:a )?strangers?|online (?:boyfriend|girlfriend)|date an? (?:adult|older (?:man|guy|woman))`,
    ),
    true,
  ],
];

export const lexicon: readonly LexiconRule[] = rules.map(([category, source, decisive]) => ({
  category,
  re: new RegExp(source, 'g'),
  decisive: decisive === true,
}));

// Each rule's body without the word-edge wrapper of w(), for combinedLexicon.
const bodies = rules.map(([, source]) => source.slice('(?<![a-z])(?:'.length, -')(?![a-z])'.length));

/**
 * Harmless senses of risky words: killing a process or time, shooting a photo,
 * a game, a kitchen, a school report. When one is present and no decisive rule
 * fired, the model must be far surer before it blocks ("how do I kill a Python process").
 */
export const benignContext = new RegExp(
  [
    `(?:kill|killing|terminate|end|stop) ${gap}(?:process|processes|task|program|app|application|thread|job|server|session|script|command|loop|container|tab|pid)`,
    'kill(?:ing)? (?:some |the )?time|killer app|killing it|kill the (?:lights|engine|music)',
    `(?:shoot|shooting) ${gap}(?:photos?|videos?|film|movie|hoops|scene|email|message|pictures?)`,
    `(?:history|histories|world war|ww ?(?:1|2|i|ii)|hiroshima|nagasaki|manhattan project|for school|homework|school (?:project|report)|my essay|a report)`,
    `(?:in|on|playing) (?:minecraft|fortnite|roblox|chess|zelda|pokemon|a video game|the game|terraria)`,
    `(?:chop|cut|slice|dice|butcher|carve) ${gap}(?:onions?|meat|vegetables|fish|chicken|pig|turkey|wood|paper)`,
  ]
    .map((b) => `(?<![a-z])(?:${b})(?![a-z])`)
    .join('|'),
);

export interface LexiconHit {
  category: ContentCategory;
  decisive: boolean;
  start: number;
  end: number;
}

/**
 * Every rule as one alternation, used only as a yes/no pre-check: wherever a
 * rule matches, this matches too, so "no match here" means no rule can hit and
 * the per-rule scans (a full pass each) are skipped. Most messages hit nothing.
 */
const anyRule = new RegExp(`(?<![a-z])(?:${bodies.join('|')})(?![a-z])`);

/** Every rule hit in folded text, in rule order. */
export function lexiconHits(folded: string, only?: ReadonlySet<ContentCategory>): LexiconHit[] {
  const hits: LexiconHit[] = [];
  if (!anyRule.test(folded)) return hits;
  for (const rule of lexicon) {
    if (only && !only.has(rule.category)) continue;
    rule.re.lastIndex = 0;
    for (const m of allMatches(rule.re, folded)) {
      if (m[0].length > 0)
        hits.push({
          category: rule.category,
          decisive: rule.decisive,
          start: m.index,
          end: m.index + m[0].length,
        });
    }
  }
  return hits;
}

/**
 * The rules of some categories as one regex (a capture group per rule), for
 * the stream filter: one scan per step instead of one per rule.
 */
export function combinedLexicon(categories: ReadonlySet<ContentCategory>): (folded: string) => LexiconHit[] {
  const picked = lexicon
    .map((r, i) => ({ r, body: bodies[i]! }))
    .filter(({ r }) => categories.has(r.category));
  const chosen = picked.map(({ r }) => r);
  if (chosen.length === 0) return () => [];
  // The word-start test sits outside the alternation, so most positions are rejected by one look-behind.
  const re = new RegExp(`(?<![a-z])(?:${picked.map(({ body }) => `(${body})`).join('|')})(?![a-z])`, 'g');
  // The same alternation without capture groups, as a yes/no pre-check: several times cheaper, and most windows hit nothing.
  const any = new RegExp(`(?<![a-z])(?:${picked.map(({ body }) => body).join('|')})(?![a-z])`);
  return (folded) => {
    const hits: LexiconHit[] = [];
    if (!any.test(folded)) return hits;
    re.lastIndex = 0;
    for (const m of allMatches(re, folded)) {
      const rule = chosen[m.findIndex((g, i) => i > 0 && g !== undefined) - 1];
      if (rule && m[0].length > 0)
        hits.push({
          category: rule.category,
          decisive: rule.decisive,
          start: m.index,
          end: m.index + m[0].length,
        });
    }
    return hits;
  };
}
