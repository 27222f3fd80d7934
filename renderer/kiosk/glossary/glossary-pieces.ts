/**
 * Finds the glossary's hard words in a step's text: each term in the text's language, matched
 * whole-word and case-insensitively, longest first (so "census registration" wins over
 * "census"). Pure, so the matching is tested without a browser.
 */

/** A glossary term to look for, by its entry's id. */
export interface GlossaryTerm {
  id: string;
  term: string;
}

/** A piece of text: plain, or a hard word (as written in the text) with its entry's id. */
export type TextPiece = string | { id: string; text: string };

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text cut into plain pieces and hard words. */
export function glossaryPieces(text: string, terms: readonly GlossaryTerm[]): TextPiece[] {
  const usable = terms.filter((entry) => entry.term.trim() !== '').sort((a, b) => b.term.length - a.term.length);
  if (usable.length === 0 || text === '') return text === '' ? [] : [text];
  // Whole words: no letter, digit or mark just before or after the term.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${usable.map((entry) => escape(entry.term.trim())).join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    const found = match[0];
    const entry = usable.find((candidate) => candidate.term.trim().toLocaleLowerCase() === found.toLocaleLowerCase());
    if (!entry) continue;
    if (match.index > from) pieces.push(text.slice(from, match.index));
    pieces.push({ id: entry.id, text: found });
    from = match.index + found.length;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces;
}
