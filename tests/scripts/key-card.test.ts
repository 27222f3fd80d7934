/**
 * The printed key card of the spoken mode (`npm run docs:key-card`), drawn in a real process
 * into a temporary folder: every key of the map is on it, the 5 has its bump, nothing is printed
 * smaller than 24 pt, the files are well-formed XML, and the committed ones in docs/ are what the
 * key map draws today (a change to the map without `npm run docs:key-card` fails here).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyCard } from '../../core/tactile/key-map.js';
import { cardLanguages, wordedCard } from '../../scripts/docs/key-card-wording.js';

const root = path.resolve(import.meta.dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'paso-key-card-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const cardFiles = cardLanguages.flatMap((language) => [`keypad-card.${language}.svg`, `keypad-card-back.${language}.svg`]);

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/docs/key-card.ts', '--out', out], { cwd: root });
}, 60_000);

/** An element of a parsed card. */
interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** The part of sax (a strict, non-validating XML parser, already in node_modules) the test uses. */
interface SaxParser {
  onerror: (error: Error) => void;
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  write: (xml: string) => SaxParser;
  close: () => void;
}
const sax = createRequire(import.meta.url)('sax') as { parser: (strict: boolean, options: { strictEntities: boolean }) => SaxParser };

/**
 * Parses `xml` as strict XML, or throws: sax in strict mode with XML's five entities only refuses
 * unclosed or crossed tags, unquoted attributes, a bare `&`, unknown entities, malformed comments
 * and text outside the root. The two rules it leaves out are checked here: one root element (on
 * the tree it gives), and no attribute twice in a tag (sax drops the second silently): once sax
 * has accepted the text, `<` can only open markup and attribute values are quoted, so the tags
 * and their attribute names can be read off the text itself.
 */
function parseXml(xml: string): Element {
  const parser = sax.parser(true, { strictEntities: true });
  const roots: Element[] = [];
  const open: Element[] = [];
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = ({ name, attributes }) => {
    const element: Element = { name, attributes, children: [], text: '' };
    const parent = open[open.length - 1];
    if (parent) parent.children.push(element);
    else roots.push(element);
    open.push(element);
  };
  parser.onclosetag = () => void open.pop();
  parser.ontext = (text) => {
    const current = open[open.length - 1];
    if (current) current.text += text;
  };
  parser.write(xml).close();
  if (roots.length !== 1) throw new Error(`${roots.length} root elements`);
  for (const [tag] of xml.matchAll(/<[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/g)) {
    const names = [...tag.matchAll(/\s([^\s=/>]+)\s*=/g)].map((match) => match[1]);
    if (new Set(names).size !== names.length) throw new Error(`an attribute twice in ${tag}`);
  }
  return roots[0] as Element;
}

/** Every element under `element`, itself included. */
const all = (element: Element): Element[] => [element, ...element.children.flatMap(all)];
const texts = (element: Element): Element[] => all(element).filter((each) => each.name === 'text');
const find = (element: Element, attribute: string, value?: string): Element[] =>
  all(element).filter((each) => each.attributes[attribute] !== undefined && (value === undefined || each.attributes[attribute] === value));

const drawn = (name: string): string => readFileSync(path.join(out, name), 'utf8');
const front = (language: string): Element => parseXml(drawn(`keypad-card.${language}.svg`));
const back = (language: string): Element => parseXml(drawn(`keypad-card-back.${language}.svg`));

describe('npm run docs:key-card', () => {
  it('draws every card as well-formed XML, and the strict parser refuses what is not', () => {
    for (const name of cardFiles) expect(parseXml(drawn(name)).name, name).toBe('svg');
    for (const broken of ['<svg><g></svg>', '<svg>a & b</svg>', '<svg a="1" a="2"/>', '<svg/><svg/>', '<svg x=1/>', '<svg>&nbsp;</svg>', 'svg']) {
      expect(() => parseXml(broken), broken).toThrow();
    }
  });

  it('prints every key of the key map on the keypad, with its symbol and words under it, and every line in the legend', () => {
    for (const language of cardLanguages) {
      const keypad = front(language);
      const legend = back(language);
      for (const line of keyCard) {
        for (const key of line.keys) {
          const [drawnKey, ...more] = find(keypad, 'data-key', key);
          expect(more, `${language} ${key}`).toEqual([]);
          // The symbol, then at least one line of words.
          expect(texts(drawnKey as Element).filter((text) => text.text.trim() !== '').length, `${language} ${key}`).toBeGreaterThanOrEqual(2);
        }
        const [row] = find(legend, 'data-meaning', line.meaningKey);
        expect(row, `${language} ${line.meaningKey}`).toBeDefined();
        expect(
          find(row as Element, 'data-chip').map((chip) => chip.attributes['data-chip']),
          `${language} ${line.meaningKey}`,
        ).toEqual(line.keys);
        expect(texts(row as Element).length).toBeGreaterThan(line.keys.length);
      }
      // The whole keypad, as a real one is: 17 keys.
      expect(find(keypad, 'data-key').length).toBe(17);
      // The two-switch device and typing are explained on the back.
      expect(find(legend, 'data-two-switch').length).toBeGreaterThan(0);
      expect(find(legend, 'data-typing').length).toBeGreaterThan(0);
    }
  });

  it('draws the bump on the 5, and on no other key', () => {
    for (const language of cardLanguages) {
      const withBump = find(front(language), 'data-key').filter((key) => find(key, 'data-bump').length > 0);
      expect(withBump.map((key) => key.attributes['data-key'])).toEqual(['5']);
    }
  });

  it('prints A4 landscape, nothing under 24 pt, key symbols larger, thick outlines, black on white only', () => {
    for (const name of cardFiles) {
      const svg = parseXml(drawn(name));
      expect(svg.attributes['width']).toBe('297mm');
      expect(svg.attributes['height']).toBe('210mm');
      const [, , viewWidth, viewHeight] = (svg.attributes['viewBox'] ?? '').split(' ').map(Number);
      // Points per SVG unit, the same both ways (no stretching).
      const scale = ((297 / 25.4) * 72) / (viewWidth ?? NaN);
      expect(((210 / 25.4) * 72) / (viewHeight ?? NaN)).toBeCloseTo(scale, 3);
      const sizes = texts(svg).map((text) => Number(text.attributes['font-size']) * scale);
      expect(sizes.length).toBeGreaterThan(10);
      expect(Math.min(...sizes), name).toBeGreaterThanOrEqual(24);
      const colours = new Set(
        all(svg)
          .flatMap((element) => [element.attributes['fill'], element.attributes['stroke']])
          .filter((colour) => colour !== undefined),
      );
      expect([...colours].sort(), name).toEqual(['#000000', '#ffffff', 'none'].filter((colour) => colours.has(colour)));
      expect(colours.has('#000000')).toBe(true);
    }
    for (const language of cardLanguages) {
      for (const key of find(front(language), 'data-key')) {
        // The symbol is printed in bold (a word printed on the key, like Bloq Num, takes two lines), the meaning under it is not.
        const size = (text: Element): number => Number(text.attributes['font-size']);
        const symbol = texts(key).filter((text) => text.attributes['font-weight'] === 'bold');
        const words = texts(key).filter((text) => text.attributes['font-weight'] !== 'bold');
        expect(symbol.length, key.attributes['data-key']).toBeGreaterThan(0);
        expect(Math.min(...symbol.map(size)), key.attributes['data-key']).toBeGreaterThanOrEqual(30);
        expect(Math.max(...words.map(size)), key.attributes['data-key']).toBeLessThan(Math.min(...symbol.map(size)));
        const outline = key.children.find((child) => child.name === 'rect');
        expect(Number(outline?.attributes['stroke-width']), key.attributes['data-key']).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('has drawn the committed cards and key table from the key map as it is now', () => {
    for (const name of [...cardFiles, 'audio-tactile.md']) {
      expect(readFileSync(path.join(root, 'docs', name), 'utf8'), `docs/${name}: run npm run docs:key-card`).toBe(drawn(name));
    }
  });

  it('refuses to draw a card for a key map line it has no words for, naming the line', () => {
    const withNewLine = [...keyCard, { keys: ['0'], meaningKey: 'keys.zero' }];
    for (const language of cardLanguages) expect(() => wordedCard(language, withNewLine)).toThrow(/"keys\.zero" \(keys 0\) has no (es|en) words/);
    const withNewKey = keyCard.map((line) => (line.meaningKey === 'keys.back' ? { ...line, keys: [...line.keys, 'Escape'] } : line));
    expect(() => wordedCard('es', withNewKey)).toThrow(/key Escape of "keys\.back" has no es words/);
  });
});
