// Character tables behind normalize.ts: what is invisible, which letters only
// look Latin, and which digits and symbols stand in for letters in leetspeak.
// Sources: Unicode TR39 confusables (the Latin-lookalike subset), TR9 bidi
// controls, and the tag block abused for "ASCII smuggling".

/** Zero-width, bidi and other format characters that render as nothing (TR9, TR39 "default ignorable"). */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c || // Arabic letter mark (bidi)
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e || // Mongolian vowel separator
    (cp >= 0x180b && cp <= 0x180d) ||
    (cp >= 0x200b && cp <= 0x200f) || // ZWSP, ZWNJ, ZWJ, LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides (Trojan Source, CVE-2021-42574)
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, invisible operators, bidi isolates
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff || // BOM / ZWNBSP
    cp === 0xffa0 ||
    (cp >= 0xfff0 && cp <= 0xfff8) ||
    cp === 0x1d173 ||
    (cp >= 0x1d174 && cp <= 0x1d17a) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) // variation selectors supplement
  );
}

/** Combining diacritics (Zalgo text, "ïgnörë"): dropped so the base letter remains. */
export function isCombiningMark(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}

/**
 * Look-alikes that NFKC keeps apart from Latin: Cyrillic, Greek, Armenian,
 * small capitals, IPA and a few symbols. Keyed by the character before
 * lowercasing, because case changes the look (Greek "Η" looks like H, "η" like n).
 */
const confusablePairs =
  // Cyrillic capitals and small letters
  'Аa Вb Сc Еe Нh Іi Јj Кk Мm Оo Рp Ѕs Тt Хx Уy Ԁd Ԍg Ԛq Ԝw Үy Ѵv ' +
  'аa вb сc еe һh іi јj кk мm оo рp ѕs тt хx уy ԁd ԍg ԛq ԝw үy ѵv ӏl Ӏl ɡg ' +
  'ёe їi ӓa ӧo ӱy ԑe гr пn иu ьb ъb шw ћh ђh ҝk қk ңh ҥh ӊh ԋh зz ' +
  // Greek capitals and small letters
  'Αa Βb Εe Ζz Ηh Ιi Κk Μm Νn Οo Ρp Τt Υy Χx Ϲc Ϳj ' +
  'αa βb γy δd εe ζz ηn ιi κk μu νv οo ρp σo τt υu χx ωw ϲc ϳj ςc ' +
  // Armenian and Cherokee letters that read as Latin
  'օo ոn սu ցg հh Ꭺa Ᏼb Ꮯc Ꭼe Ꮋh Ꭻj Ꮶk Ꮮl Ꮇm Ꮲp Ꮪs Ꮤw ' +
  // Small capitals and IPA
  'ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz ' +
  'ɑa ɐa ɓb ɔc ɗd ɛe ɘe ɦh ɨi ɩi ɫl ɬl ɭl ɱm ɲn ɳn ɵo ɸo ʂs ʃs ʈt ʉu ʋv ʐz ʑz ' +
  // Latin letters with strokes and hooks that NFD does not decompose
  'ƀb đd ħh łl øo ŧt ƶz ǥg ɇe ɉj ɍr ɏy ßs ıi ȷj';

export const confusables: ReadonlyMap<number, string> = (() => {
  const table = new Map<number, string>();
  for (const pair of confusablePairs.split(' ')) {
    const from = pair.codePointAt(0);
    if (from === undefined) continue;
    table.set(from, pair.slice(String.fromCodePoint(from).length));
  }
  // Regional indicators (🇦…🇿) spell letters when not paired as a flag.
  for (let i = 0; i < 26; i++) table.set(0x1f1e6 + i, String.fromCharCode(97 + i));
  return table;
})();

/** Leetspeak stand-ins, one code unit to one code unit so the leet view shares the folded offsets. */
export const leetDigits: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
};

/** Symbol stand-ins; folded only inside a word ("h@ck", "p@$$"), never at its edges ("stop!", "$100"). */
export const leetSymbols: Readonly<Record<string, string>> = {
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
  '€': 'e',
  '£': 'l',
};

/** Separators between s p a c e d or d.o.t.t.e.d letters. */
export const letterSeparators = new Set([' ', '.', '-', '_', '*', '/', ',', '~', '+', '·', '•', '|']);
