/**
 * `npm run docs:key-card`: draws the spoken mode's printed key card from the key map
 * (core/tactile/key-map.ts), so the card never says something the kiosk does not do: the front
 * and back of the card in each language (docs/keypad-card.<language>.svg and
 * docs/keypad-card-back.<language>.svg), and the key table of docs/audio-tactile.md, between its
 * `key-card` markers. `--out <folder>` writes them there instead of docs/ (the test compares).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawBack, drawFront } from './key-card-svg.js';
import { cardLanguages, keyFace, wordedCard } from './key-card-wording.js';

const root = path.resolve(import.meta.dirname, '../..');
const docs = path.join(root, 'docs');
const outFlag = process.argv.indexOf('--out');
const out = outFlag >= 0 ? path.resolve(process.argv[outFlag + 1] ?? '') : docs;

const start = '<!-- key-card: start (npm run docs:key-card writes this table from core/tactile/key-map.ts) -->';
const end = '<!-- key-card: end -->';

/** The key table of docs/audio-tactile.md: one row per line of the card, with what both printed cards say. */
function keyTable(): string {
  const english = wordedCard('en');
  const spanish = wordedCard('es');
  const cell = (value: string): string => value.replace(/\|/g, '\\|');
  const rows = english.map((line, index) => {
    const keys = line.keys.map((key) => `\`${keyFace(key, 'en').join(' ')}\``).join(' ');
    return `| ${keys} | ${cell(line.legend)} | ${cell(spanish[index]?.legend ?? '')} | \`${line.meaningKey}\` |`;
  });
  return ['| keys | what they do (English card) | Spanish card | catalogue key (kiosk.json) |', '|---|---|---|---|', ...rows].join('\n');
}

/** docs/audio-tactile.md with its key table written afresh. */
function withKeyTable(markdown: string): string {
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/audio-tactile.md has lost its key table markers: put back\n${start}\n${end}`);
  return `${markdown.slice(0, from + start.length)}\n${keyTable()}\n${markdown.slice(to)}`;
}

mkdirSync(out, { recursive: true });
const written: string[] = [];
const write = (name: string, content: string): void => {
  writeFileSync(path.join(out, name), content);
  written.push(name);
};
for (const language of cardLanguages) {
  write(`keypad-card.${language}.svg`, drawFront(language));
  write(`keypad-card-back.${language}.svg`, drawBack(language));
}
write('audio-tactile.md', withKeyTable(readFileSync(path.join(docs, 'audio-tactile.md'), 'utf8')));
console.log(`docs:key-card: wrote ${written.join(', ')} in ${path.relative(root, out) || '.'}`);
