/**
 * Maps a path inside the parsed data (`['steps', 3, 'next']`) back to a line and column of the
 * YAML text, so that every problem points at the text to fix.
 */
import { isMap, isSeq, isScalar, isNode, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ProblemWords } from './messages/catalog.js';
import { wordedProblem, type Problem } from './problem.js';

/** A path into the parsed procedure, as zod reports it. */
export type DataPath = readonly PropertyKey[];

/** Which part of a `key: value` pair a problem is about. */
export type Target = 'value' | 'key';

/** Turns a place in the data into a located problem. */
export interface SourceMap {
  /**
   * Builds a problem at the deepest part of `path` that exists in the file. A missing field is
   * therefore reported at the map that should hold it.
   */
  problemAt(path: DataPath, words: ProblemWords, target?: Target): Problem;
  /** A problem about the file as a whole, at its first character. */
  problemAtStart(words: ProblemWords): Problem;
}

/** Locates data paths in one parsed YAML document. */
export class YamlSourceMap implements SourceMap {
  /**
   * Each map's pairs by key, built the first time a problem is located inside that map. Scanning
   * the pairs for every problem made a file with thousands of unknown fields cost seconds
   * (quadratic: each of n problems scanned n pairs); with the index, locating is linear.
   */
  private readonly pairsByKey = new WeakMap<YAMLMap, Map<unknown, Pair>>();

  constructor(
    private readonly document: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  problemAt(path: DataPath, words: ProblemWords, target: Target = 'value'): Problem {
    const range = this.rangeOf(path, target);
    const position = this.lines.linePos(range[0]);
    return wordedProblem(position.line, position.col, words, range);
  }

  problemAtStart(words: ProblemWords): Problem {
    return wordedProblem(1, 1, words, [0, 0]);
  }

  private rangeOf(path: DataPath, target: Target): [number, number] {
    let node: Node | null = isNode(this.document.contents) ? this.document.contents : null;
    let fallback: [number, number] = node?.range ? [node.range[0], node.range[1]] : [0, 0];
    for (let i = 0; i < path.length && node; i++) {
      const segment = path[i];
      const isLast = i === path.length - 1;
      if (isMap(node) && typeof segment === 'string') {
        const pair = this.pairOf(node, segment);
        if (!pair) break;
        const keyNode = isNode(pair.key) ? pair.key : null;
        const valueNode = isNode(pair.value) ? pair.value : null;
        if (isLast && target === 'key' && keyNode?.range) return [keyNode.range[0], keyNode.range[1]];
        if (!valueNode) {
          if (keyNode?.range) fallback = [keyNode.range[0], keyNode.range[1]];
          break;
        }
        node = valueNode;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        node = isNode(item) ? item : null;
      } else {
        break;
      }
      if (node?.range) fallback = [node.range[0], node.range[1]];
    }
    return fallback;
  }

  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    let index = this.pairsByKey.get(map);
    if (!index) {
      index = new Map();
      // The first pair with a key wins, as a scan from the top would find it.
      for (const item of map.items) if (isScalar(item.key) && !index.has(item.key.value)) index.set(item.key.value, item);
      this.pairsByKey.set(map, index);
    }
    return index.get(key);
  }
}

/**
 * A source map that parses the text for positions only when the first problem is located. Files
 * without problems, the common case, never pay for the position-keeping parse.
 */
export function lazySourceMap(text: string): SourceMap {
  let map: YamlSourceMap | undefined;
  const load = (): YamlSourceMap => {
    if (!map) {
      const lines = new LineCounter();
      // The text was read once already, which refused duplicate keys: the library's own check is quadratic.
      map = new YamlSourceMap(parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false }), lines);
    }
    return map;
  };
  return {
    problemAt: (path, words, target) => load().problemAt(path, words, target),
    problemAtStart: (words) => load().problemAtStart(words),
  };
}
