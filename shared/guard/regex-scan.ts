// Every match of a global regex, for the filters' hot loops. Same matches as
// [...text.matchAll(re)], but matchAll copies the regex on every call, which
// for our large alternations (profanity, lexicon, addresses) cost about 15 µs
// a call: more than the scan itself on a short stream window.

/** All matches of a global regex, in order (the spec's matchAll steps, on `re` itself). */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would repeat forever: step past it as matchAll does (by code point under /u).
    if (m[0].length === 0) re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  const d = text.charCodeAt(index + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
