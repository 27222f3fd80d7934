/**
 * Keeps the editor's form and its raw YAML in step. The YAML text is the one source of truth:
 * the form shows what the text holds, and every form edit is applied to the parsed YAML Document
 * (the `yaml` package's Document API) and written back, so comments, key order and quoting of
 * everything the edit did not touch stay as the author wrote them. Pure: no DOM, no React.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { keyOrderAt } from './form/key-order.js';

/** A place in the procedure's data: `['steps', 2, 'text', 'es']`. */
export type DataPath = readonly (string | number)[];

// Exact round trip of the sample files: no folding of long lines, `[es, en]` kept without padding.
const writeOptions = { lineWidth: 0, flowCollectionPadding: false } as const;

/** What the form can show of a text: its data when the YAML is well formed, nothing otherwise. */
export type FormData = { ok: true; data: unknown } | { ok: false };

// The Document of the text the last edit produced. The form edits the same text keystroke after
// keystroke, and parsing with positions is the slow part of an edit (yaml reads ~8 MB/s), so the
// edited Document is kept and reused while the text is still exactly the one it wrote.
let lastEdited: { text: string; document: Document.Parsed } | undefined;

function parse(text: string): Document.Parsed | undefined {
  if (lastEdited?.text === text) return lastEdited.document;
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  return document.errors.length === 0 ? document : undefined;
}

/**
 * The data the form shows for a YAML text; not ok while the YAML itself is broken. Read with
 * js-yaml (the checker's fast reader, about ten times faster than `yaml`), since the form needs
 * the values only, on every keystroke.
 */
export function formDataOf(text: string): FormData {
  try {
    return { ok: true, data: load(text, { schema: CORE_SCHEMA, json: false }) };
  } catch {
    return { ok: false };
  }
}

/** An edit the form makes, applied to the Document of the text. */
export type FormEdit =
  | { kind: 'set'; path: DataPath; value: unknown }
  | { kind: 'delete'; path: DataPath }
  | { kind: 'insert'; path: DataPath; index: number; value: unknown }
  | { kind: 'move'; path: DataPath; from: number; to: number }
  /** Several edits as one: written once, and refused whole when one does not fit. */
  | { kind: 'batch'; edits: readonly FormEdit[] };

/**
 * Applies a form edit to a YAML text and returns the new text, or undefined when the text is not
 * well-formed YAML (the form is read-only then) or the edit does not fit it. Setting `undefined`
 * deletes the field (an optional field set back to nothing leaves the file); an empty string
 * stays, so the checker can say "this text is empty" where the author is typing.
 */
export function applyEdit(text: string, edit: FormEdit): string | undefined {
  const document = parse(text);
  if (!document) return undefined;
  let fits: boolean;
  try {
    fits = change(document, edit);
  } catch {
    // setIn throws when the path crosses a scalar (the author wrote `title: x` where a map belongs).
    fits = false;
  }
  if (!fits) {
    // The Document may be half changed (a batch stopped midway): forget it.
    lastEdited = undefined;
    return undefined;
  }
  const written = document.toString(writeOptions);
  lastEdited = { text: written, document };
  return written;
}

/** Applies one edit to the Document; false when it does not fit the data. */
function change(document: Document.Parsed, edit: FormEdit): boolean {
  switch (edit.kind) {
    case 'set':
      if (edit.value === undefined) document.deleteIn(edit.path);
      else setInOrder(document, edit.path, edit.value);
      return true;
    case 'delete':
      document.deleteIn(edit.path);
      return true;
    case 'insert': {
      const list = sequenceAt(document, edit.path);
      if (!list) {
        if (edit.index !== 0) return false;
        setInOrder(document, edit.path, [edit.value]);
        return true;
      }
      const index = Math.max(0, Math.min(edit.index, list.items.length));
      list.items.splice(index, 0, document.createNode(edit.value));
      return true;
    }
    case 'move': {
      const list = sequenceAt(document, edit.path);
      if (!list || edit.from < 0 || edit.from >= list.items.length || edit.to < 0 || edit.to >= list.items.length) return false;
      // The item moves with its comments: they belong to its node. A comment above the first
      // item is kept by the parser on the list itself; it belongs to that item too.
      const first = list.items[0];
      if (list.commentBefore && isNode(first) && (edit.from === 0 || edit.to === 0)) {
        first.commentBefore = first.commentBefore ? `${list.commentBefore}\n${first.commentBefore}` : list.commentBefore;
        list.commentBefore = undefined;
      }
      const [item] = list.items.splice(edit.from, 1);
      list.items.splice(edit.to, 0, item);
      return true;
    }
    case 'batch':
      return edit.edits.every((each) => change(document, each));
  }
}

/**
 * Sets a value like `setIn`; a key the map did not have (or the first missing map on the way) is
 * then moved from the end of its map to its place in the schema's order (form/key-order.ts), so
 * the file reads as if written by hand. Comments stay with the keys they sit above.
 */
function setInOrder(document: Document.Parsed, path: DataPath, value: unknown): void {
  const missing = path.findIndex((_segment, index) => !document.hasIn(path.slice(0, index + 1)));
  // A list or map is set as nodes: `setIn` keeps a plain value as it is, and the next edit inside
  // it (the first letter typed into an answer a kind change just added) would find no collection there.
  document.setIn(path, value !== null && typeof value === 'object' && !isNode(value) ? document.createNode(value) : value);
  if (missing < 0) return;
  const mapPath = path.slice(0, missing);
  const key = path[missing];
  const map = mapPath.length === 0 ? document.contents : document.getIn(mapPath, true);
  if (!isMap(map) || typeof key !== 'string') return;
  const order = keyOrderAt(mapPath, (at) => {
    const node = document.getIn(at, true);
    return isNode(node) ? node.toJS(document) : node;
  });
  const rank = order?.indexOf(key) ?? -1;
  if (!order || rank < 0) return;
  const from = map.items.findIndex((pair) => keyName(pair.key) === key);
  if (from < 0) return;
  const [pair] = map.items.splice(from, 1);
  if (!pair) return;
  // Before the first key that the order puts after this one; at the end when there is none.
  const before = map.items.findIndex((other) => {
    const otherKey = keyName(other.key);
    const otherRank = otherKey === undefined ? -1 : order.indexOf(otherKey);
    return otherRank > rank;
  });
  map.items.splice(before < 0 ? map.items.length : before, 0, pair);
}

// A map key's name: parsed keys are Scalar nodes, keys the edit just added are plain strings.
function keyName(key: unknown): string | undefined {
  const value = isScalar(key) ? key.value : key;
  return typeof value === 'string' ? value : undefined;
}

function sequenceAt(document: Document.Parsed, path: DataPath) {
  const node = document.getIn(path, true);
  return isSeq(node) ? node : undefined;
}

/** Character offset of a 1-based line and column in `text`. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/**
 * A finder of data paths in one text: the path of the deepest node at an offset, so a problem
 * the checker located in the text can also be shown on the form field that holds it. The text is
 * parsed once for all the problems. Empty paths when the text is not well formed or the offset is
 * outside every node.
 */
export function pathFinder(text: string): (offset: number) => DataPath {
  const document = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
  if (document.errors.length > 0) return () => [];
  const root: Node | null = isNode(document.contents) ? document.contents : null;
  return (offset) => {
    const path: (string | number)[] = [];
    const inside = (candidate: unknown): candidate is Node =>
      isNode(candidate) && candidate.range !== undefined && candidate.range !== null && offset >= candidate.range[0] && offset <= candidate.range[1];
    let node = root;
    while (node) {
      let next: Node | null = null;
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? pair.key.value : undefined;
          if (typeof key !== 'string') continue;
          if (inside(pair.key)) {
            path.push(key);
            return path;
          }
          if (inside(pair.value)) {
            path.push(key);
            next = pair.value;
            break;
          }
        }
      } else if (isSeq(node)) {
        const index = node.items.findIndex((item) => inside(item));
        const item = node.items[index];
        if (index >= 0 && isNode(item)) {
          path.push(index);
          next = item;
        }
      }
      node = next;
    }
    return path;
  };
}

/** The data path at one offset of a text (see {@link pathFinder}). */
export function pathAtOffset(text: string, offset: number): DataPath {
  return pathFinder(text)(offset);
}

/** True when `path` is `prefix` or lies inside it. */
export function pathStartsWith(path: DataPath, prefix: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}
