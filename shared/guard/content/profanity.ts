// Profanity, from obscenity's maintained English word list (which already
// knows "f?ck", "b[b]o", word-boundary rules and innocent look-alikes such as
// "assess" and "Scunthorpe"-style words). Obscenity's own matcher runs one
// regex per word at every position (about 1 ms per 4 KB here), too slow for the
// 2 ms input budget and the 50k tokens/s stream; so its parsed patterns are
// compiled once into a single alternation over our folded text.
import { allMatches } from '../regex-scan';
import { englishDataset, SyntaxKind } from 'obscenity';

interface PatternNode {
  kind: SyntaxKind;
  chars?: number[];
  childNode?: PatternNode;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

function nodeSource(node: PatternNode): string {
  switch (node.kind) {
    case SyntaxKind.Literal:
      return escape(String.fromCharCode(...(node.chars ?? [])));
    case SyntaxKind.Wildcard:
      // One character of any kind, as in obscenity ("f?ck" matches "f*ck" and "fuck").
      return '[^\\s]';
    case SyntaxKind.Optional:
      return node.childNode ? `(?:${nodeSource(node.childNode)})?` : '';
    default:
      return '';
  }
}

// Word edges as obscenity defines them: not next to a letter or digit.
const edgeStart = '(?<![a-z0-9])';
const edgeEnd = '(?![a-z0-9])';

function compile(): { blacklist: RegExp; whitelist: RegExp } {
  const data = englishDataset.build();
  const sources = data.blacklistedTerms.map((term) => {
    const p = term.pattern;
    const body = (p.nodes as PatternNode[]).map(nodeSource).join('');
    return (
      (p.requireWordBoundaryAtStart ? edgeStart : '') + body + (p.requireWordBoundaryAtEnd ? edgeEnd : '')
    );
  });
  const white = (data.whitelistedTerms ?? []).map((w) => escape(w.toLowerCase()));
  // Every branch is a fixed-length string with at most single optional characters,
  // so the alternation backtracks a bounded amount per position: linear overall.
  return { blacklist: new RegExp(sources.join('|'), 'g'), whitelist: new RegExp(white.join('|'), 'g') };
}

const compiled = compile();

export interface FoldedHit {
  start: number;
  end: number;
}

/** Profanity spans in folded text, minus those inside a whitelisted innocent word. */
export function profanityHits(folded: string): FoldedHit[] {
  const hits: FoldedHit[] = [];
  compiled.blacklist.lastIndex = 0;
  for (const m of allMatches(compiled.blacklist, folded)) {
    // Zero-length matches cannot happen (every word has letters); guard anyway against a dataset change.
    if (m[0].length === 0) continue;
    hits.push({ start: m.index, end: m.index + m[0].length });
  }
  if (hits.length === 0) return hits;
  // Both lists come sorted by start; a hit is innocent when a whitelisted word that
  // starts at or before it also ends at or after it. One sweep keeps this linear.
  const safe = [...allMatches(compiled.whitelist, folded)];
  let j = 0;
  let coveredTo = -1;
  return hits.filter((h) => {
    while (j < safe.length && safe[j]!.index <= h.start) {
      coveredTo = Math.max(coveredTo, safe[j]!.index + safe[j]![0].length);
      j++;
    }
    return h.end > coveredTo;
  });
}
