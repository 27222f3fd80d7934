/**
 * Draws the printed key card of the spoken mode (issue 17) as two A4 landscape SVG pages per
 * language: the front, a USB numeric keypad as it really is laid out, each key with its symbol
 * and what it does; the back, the legend. Two pages, because at the card's type sizes (body 24 pt,
 * key symbols larger) the keypad alone fills a page. Black on white with thick outlines: nothing
 * is said by colour. One SVG unit is one point, so a font size is its printed size in points.
 * Pure: strings in, strings out (scripts/docs/key-card.ts writes the files).
 */
import { textWidth } from './text-width.js';
import { cardTexts, keyFace, wordedCard, wordsUnderKeys, type CardLanguage, type LegendRow } from './key-card-wording.js';

/** A4 landscape, in points (1 pt = 1/72 in). */
const page = { width: (297 / 25.4) * 72, height: (210 / 25.4) * 72, widthMm: 297, heightMm: 210 } as const;
/** The smallest printed text anywhere on the card, in points. */
const bodySize = 24;
/** The keypad's symbols: digits and signs, and the keys that print a word (Intro, Bloq Num). */
const symbolSize = { glyph: 52, word: 30 } as const;

const font = `'DejaVu Sans', 'Liberation Sans', Arial, sans-serif`;
const margin = 20;
const outline = 4;

/** One key of a real USB numeric keypad: where it sits on the grid, in columns and rows. */
interface PadKey {
  key: string;
  column: number;
  row: number;
  wide?: boolean;
  tall?: boolean;
}

/** A standard USB numeric keypad: four columns, five rows; + and Enter two rows tall, 0 two columns wide. */
const keypad: readonly PadKey[] = [
  { key: 'NumLock', column: 0, row: 0 },
  { key: '/', column: 1, row: 0 },
  { key: '*', column: 2, row: 0 },
  { key: '-', column: 3, row: 0 },
  { key: '7', column: 0, row: 1 },
  { key: '8', column: 1, row: 1 },
  { key: '9', column: 2, row: 1 },
  { key: '+', column: 3, row: 1, tall: true },
  { key: '4', column: 0, row: 2 },
  { key: '5', column: 1, row: 2 },
  { key: '6', column: 2, row: 2 },
  { key: '1', column: 0, row: 3 },
  { key: '2', column: 1, row: 3 },
  { key: '3', column: 2, row: 3 },
  { key: 'Enter', column: 3, row: 3, tall: true },
  { key: '0', column: 0, row: 4, wide: true },
  { key: '.', column: 2, row: 4 },
];

/** The keys with a raised mark a finger finds: the 5, as on every keypad. */
const bumpKeys: readonly string[] = ['5'];

/** Fails the drawing when `text` would not fit `width` points. */
function mustFit(text: string, size: number, width: number, bold: boolean, where: string): void {
  if (textWidth(text, size, bold) > width)
    throw new Error(`The key card's "${text}" (${where}) is too wide for its place: shorten it in scripts/docs/key-card-wording.ts.`);
}

/** Splits `text` into lines that fit `width` at `size`, at spaces. */
function wrap(text: string, size: number, width: number, where: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else {
      mustFit(word, size, width, false, where);
      lines.push(word);
    }
  }
  return lines;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (value: number): string => String(Math.round(value * 100) / 100);

/** A line of text; `anchor` middle centres it on `x`. */
function text(x: number, y: number, content: string, size: number, options: { bold?: boolean; anchor?: 'start' | 'middle' } = {}): string {
  const anchor = options.anchor === 'middle' ? ' text-anchor="middle"' : '';
  const weight = options.bold ? ' font-weight="bold"' : '';
  return `<text x="${n(x)}" y="${n(y)}" font-size="${size}"${weight}${anchor}>${escape(content)}</text>`;
}

/** One A4 landscape page: physical size in millimetres, drawn in points; `sentences` describe it for a screen reader. */
function svgPage(language: CardLanguage, title: string, sentences: readonly string[], body: string[]): string {
  const description = sentences.map((sentence) => sentence.replace(/\.$/, '')).join('. ') + '.';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xml:lang="${language}" width="${page.widthMm}mm" height="${page.heightMm}mm" viewBox="0 0 ${page.width} ${page.height}" role="img" aria-labelledby="title description">`,
    `<title id="title">${escape(title)}</title>`,
    `<desc id="description">${escape(description)}</desc>`,
    `<rect width="${page.width}" height="${page.height}" fill="#ffffff"/>`,
    `<g font-family="${escape(font)}" fill="#000000">`,
    ...body,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

// The keypad's grid, filling the page's height: rows of about 104 pt, keys 136 pt wide.
const gap = 8;
const keyHeight = (page.height - 2 * margin - 4 * gap) / 5;
const keyWidth = 136;
const keypadWidth = 4 * keyWidth + 3 * gap;

/** One key of the keypad: its outline, its symbol, the words under it, and the bump on the 5. */
function drawKey(padKey: PadKey, under: readonly string[], language: CardLanguage): string[] {
  const x = margin + padKey.column * (keyWidth + gap);
  const y = margin + padKey.row * (keyHeight + gap);
  const width = padKey.wide ? 2 * keyWidth + gap : keyWidth;
  const height = padKey.tall ? 2 * keyHeight + gap : keyHeight;
  const face = keyFace(padKey.key, language);
  const symbolSizeHere = face.length === 1 && [...(face[0] ?? '')].length === 1 ? symbolSize.glyph : symbolSize.word;
  const inner = width - 2 * outline - 8;
  // Heights of the block centred in the key: the symbol's capitals (0.73 em in DejaVu Sans), then
  // each line of words at a 25 pt pitch (ascent 19, descent 6), 6 pt apart.
  const capHeight = 0.73 * symbolSizeHere;
  const faceHeight = capHeight + (face.length - 1) * symbolSizeHere;
  const blockHeight = faceHeight + (under.length > 0 ? 6 + under.length * 25 : 0);
  if (blockHeight > height - 2 * outline)
    throw new Error(`The words under key ${padKey.key} do not fit its height: shorten them in scripts/docs/key-card-wording.ts.`);
  const top = y + (height - blockHeight) / 2;
  const centre = x + width / 2;
  const parts = [
    `<g data-key="${escape(padKey.key)}">`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="12" fill="#ffffff" stroke="#000000" stroke-width="${outline}"/>`,
  ];
  face.forEach((line, index) => {
    mustFit(line, symbolSizeHere, inner, true, `key ${padKey.key}`);
    parts.push(text(centre, top + capHeight + index * symbolSizeHere, line, symbolSizeHere, { bold: true, anchor: 'middle' }));
  });
  under.forEach((line, index) => {
    mustFit(line, bodySize, inner, false, `under key ${padKey.key}`);
    parts.push(text(centre, top + faceHeight + 6 + 19 + index * 25, line, bodySize, { anchor: 'middle' }));
  });
  if (bumpKeys.includes(padKey.key)) parts.push(bump(x + width - 22, y + 22));
  parts.push('</g>');
  return parts;
}

/** The raised mark: a solid dot in a ring, as a finger feels it. */
function bump(x: number, y: number): string {
  return `<g data-bump="true"><circle cx="${n(x)}" cy="${n(y)}" r="11" fill="none" stroke="#000000" stroke-width="3"/><circle cx="${n(x)}" cy="${n(y)}" r="6" fill="#000000"/></g>`;
}

// The legend's small keys: 26 pt bold in a 36 pt box; a row is at least one box high.
const chipSize = 26;
const chipHeight = 36;
const linePitch = bodySize + 4;

/** A small key in the legend, its symbol in bold; returns its drawing and width. */
function chip(x: number, y: number, key: string, language: CardLanguage): { svg: string; width: number } {
  const label = keyFace(key, language).join(' ');
  const width = Math.max(42, textWidth(label, chipSize, true) + 18);
  const face = text(x + width / 2, y + 27, label, chipSize, { bold: true, anchor: 'middle' });
  return {
    width,
    svg: `<g data-chip="${escape(key)}"><rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${chipHeight}" rx="8" fill="#ffffff" stroke="#000000" stroke-width="3"/>${face}</g>`,
  };
}

/**
 * A legend row: the keys as small keys, then the words, starting at `keysWidth` (past the keys,
 * when they are wider), or under the keys when too little room is left beside them.
 */
function legendRow(
  x: number,
  y: number,
  width: number,
  keysWidth: number,
  row: LegendRow,
  language: CardLanguage,
  attribute: string,
): { svg: string[]; height: number } {
  const svg = [`<g ${attribute}>`];
  let chipX = x;
  for (const key of row.keys) {
    const drawn = chip(chipX, y, key, language);
    svg.push(drawn.svg);
    chipX += drawn.width + 8;
  }
  const besideX = Math.max(x + keysWidth, chipX - 8) + 12;
  const beside = x + width - besideX >= 160;
  const textX = beside ? besideX : x;
  const lines = wrap(row.text, bodySize, x + width - textX, `legend: ${row.text}`);
  const firstBaseline = beside ? y + 26 : y + chipHeight + 6 + 19;
  lines.forEach((line, index) => svg.push(text(textX, firstBaseline + index * linePitch, line, bodySize)));
  svg.push('</g>');
  const bottom = Math.max(y + chipHeight, firstBaseline + (lines.length - 1) * linePitch + 7);
  return { svg, height: bottom - y + 6 };
}

/** A heading, wrapped; returns its drawing and height. */
function heading(x: number, y: number, content: string, size: number, width: number): { svg: string[]; height: number } {
  const lines = wrap(content, size, width, `heading: ${content}`);
  return { svg: lines.map((line, index) => text(x, y + size * 0.76 + index * (size + 4), line, size, { bold: true })), height: lines.length * (size + 4) };
}

const tooLong = (part: string, language: CardLanguage): Error =>
  new Error(`The ${part} of the ${language} key card does not fit its page: shorten its words in scripts/docs/key-card-wording.ts.`);

/** The front: the keypad, and beside it the title, the bump, how to start. */
export function drawFront(language: CardLanguage): string {
  const texts = cardTexts[language];
  const under = wordsUnderKeys(language);
  const printed = new Set(keypad.map((padKey) => padKey.key));
  for (const line of wordedCard(language)) {
    for (const key of line.keys)
      if (!printed.has(key)) throw new Error(`Key ${key} of "${line.meaningKey}" is not a key of the drawn keypad (scripts/docs/key-card-svg.ts).`);
  }
  const body: string[] = [];
  for (const padKey of keypad) {
    const words = under.get(padKey.key);
    if (!words) throw new Error(`The keypad's ${padKey.key} has no words under it in ${language}: add them to scripts/docs/key-card-wording.ts.`);
    body.push(...drawKey(padKey, words, language));
  }
  const x = margin + keypadWidth + 28;
  const width = page.width - margin - x;
  let y = margin;
  const title = heading(x, y, texts.title, 34, width);
  body.push(...title.svg);
  y += title.height + 6;
  const paragraph = (content: string, indent = 0, bold = false): void => {
    for (const line of wrap(content, bodySize, width - indent, content)) {
      body.push(text(x + indent, y + 19, line, bodySize, { bold }));
      y += linePitch;
    }
  };
  paragraph(texts.subtitle);
  y += 24;
  body.push(bump(x + 12, y + 11));
  paragraph(texts.bump, 36);
  y += 24;
  paragraph(texts.start);
  y += 24;
  paragraph(texts.turnOver, 0, true);
  if (y > page.height - margin) throw tooLong('front', language);
  const description = [
    ...keypad.map((padKey) => `${keyFace(padKey.key, language).join(' ')}: ${(under.get(padKey.key) ?? []).join(' ')}`),
    texts.bump,
    texts.start,
  ];
  return svgPage(language, `${texts.title}, ${texts.subtitle}`, description, body);
}

/** The back: every line of the key map; the two-switch device; typing. Flowed into two columns. */
export function drawBack(language: CardLanguage): string {
  const texts = cardTexts[language];
  // The key map's lines, one line each, fill the wider column; the rest goes beside them.
  const columns = [
    { x: margin, width: 500, keysWidth: 92 },
    { x: margin + 528, width: page.width - 2 * margin - 528, keysWidth: 70 },
  ];
  const body: string[] = [];
  let column = 0;
  let y = margin;
  const current = (): { x: number; width: number; keysWidth: number } => {
    const found = columns[column];
    if (!found) throw tooLong('back', language);
    return found;
  };
  /** Moves to the next column unless `height` more fits in this one. */
  const room = (height: number): void => {
    if (y + height <= page.height - margin) return;
    column += 1;
    y = margin;
    current();
  };
  const section = (title: string, rows: { row: LegendRow; attribute: string }[]): void => {
    const measure = (index: number): number => {
      const entry = rows[index];
      return entry ? legendRow(0, 0, current().width, current().keysWidth, entry.row, language, entry.attribute).height : 0;
    };
    // A heading stays with its first row.
    room(heading(0, 0, title, 28, current().width).height + 8 + measure(0));
    const drawnHeading = heading(current().x, y, title, 28, current().width);
    body.push(...drawnHeading.svg);
    y += drawnHeading.height + 8;
    rows.forEach((entry, index) => {
      room(measure(index));
      const drawn = legendRow(current().x, y, current().width, current().keysWidth, entry.row, language, entry.attribute);
      body.push(...drawn.svg);
      y += drawn.height;
    });
    y += 14;
  };
  const lines = wordedCard(language);
  section(
    texts.keysHeading,
    lines.map((line) => ({ row: { keys: line.keys, text: line.legend }, attribute: `data-meaning="${escape(line.meaningKey)}"` })),
  );
  section(
    texts.twoSwitchHeading,
    texts.twoSwitch.map((row) => ({ row, attribute: 'data-two-switch="true"' })),
  );
  section(
    texts.typingHeading,
    texts.typing.map((row) => ({ row, attribute: 'data-typing="true"' })),
  );
  const said = (row: LegendRow): string => `${row.keys.map((key) => keyFace(key, language).join(' ')).join(' ')}: ${row.text}`;
  const description = [
    ...lines.map((line) => said({ keys: line.keys, text: line.legend })),
    texts.twoSwitchHeading,
    ...texts.twoSwitch.map(said),
    texts.typingHeading,
    ...texts.typing.map(said),
  ];
  return svgPage(language, texts.keysHeading, description, body);
}
