/**
 * CodeMirror 6 as the staff editor's YAML pane: line numbers, YAML highlighting, folding, search,
 * undo, completion of field names from the procedure's JSON Schema, and the checker's problems as
 * lint marks. Tab is left to the browser (it moves the focus on), so the editor never traps
 * someone using the keyboard; lines are indented with Ctrl+] and Ctrl+[ (the pane's hint says so),
 * and Enter keeps the indentation of the line above.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { procedureJsonSchemaText } from '../../../../core/procedure/json-schema.js';
import { describeProblem } from '../../../../core/procedure/messages/catalog.js';
import type { Problem } from '../../../../core/procedure/problem.js';
import { placeOf, suggestionsAt, type SchemaNode } from './schema-completion.js';

let schema: SchemaNode | undefined;

/** Offers field names (and fixed values) from the JSON Schema, built once, on the first use. */
function schemaCompletion(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  // Only while a word is being typed, or on request (Ctrl+Space): not on every new line.
  if (!context.explicit && !/[A-Za-z_][\w-]*$/.test(before)) return null;
  // Nothing to offer in a comment or a text: no need to build the schema for it.
  if (!placeOf(before)) return null;
  schema ??= JSON.parse(procedureJsonSchemaText()) as SchemaNode;
  const doc = context.state.doc;
  const found = suggestionsAt(schema, (index) => doc.line(index + 1).text, doc.lines, line.number - 1, before);
  if (!found || found.suggestions.length === 0) return null;
  return {
    from: context.pos - found.prefix.length,
    options: found.suggestions.map((suggestion) => ({
      label: suggestion.label,
      type: suggestion.kind === 'field' ? 'property' : 'enum',
      ...(suggestion.kind === 'field' ? { apply: `${suggestion.label}: ` } : {}),
      ...(suggestion.description ? { info: suggestion.description } : {}),
      // Required fields first among equally good matches.
      ...(suggestion.required ? { boost: 1 } : {}),
    })),
    validFor: /^[\w-]*$/,
  };
}

/**
 * The checker's problems as lint diagnostics: each at its range, or from its place to the end of
 * its line, worded in the console's `language` (the problem's English is for the command line).
 */
export function diagnosticsOf(doc: Text, problems: readonly Problem[], language: string): Diagnostic[] {
  return problems.map((problem) => {
    const line = doc.line(Math.min(Math.max(problem.line, 1), doc.lines));
    const at = Math.min(line.from + Math.max(problem.column - 1, 0), line.to);
    const [from, to] = problem.range ? [Math.min(problem.range[0], doc.length), Math.min(problem.range[1], doc.length)] : [at, line.to];
    return { from, to: Math.max(from, to), severity: 'error', message: describeProblem(problem, language) };
  });
}

// Inside the pane's shadow root (see yaml-pane.tsx), which the console's stylesheet does not
// reach; its colour tokens (renderer/ui/tokens.css) do, being inherited custom properties.
const theme = EditorView.theme({
  '&': {
    height: '640px',
    fontSize: '15px',
    border: '2px solid var(--color-control-border)',
    borderRadius: '6px',
    backgroundColor: 'var(--color-background)',
    color: 'var(--color-text)',
  },
  '&.cm-focused': { outline: '3px solid var(--focus-color)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: "'DejaVu Sans Mono', 'Liberation Mono', monospace", lineHeight: '22px' },
  '.cm-gutters': { backgroundColor: 'var(--color-surface)', color: 'var(--color-muted)', borderRight: '1px solid var(--color-control-border)' },
  '.cm-activeLine': { backgroundColor: '#f7f9fc' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--color-selected-bg)', color: 'var(--color-text)' },
  '.cm-lintRange-error': { backgroundColor: 'var(--color-error-bg)' },
  '.cm-panels': { backgroundColor: 'var(--color-surface)', color: 'var(--color-text)' },
  '.cm-tooltip': { fontSize: '15px' },
});

// Past this size (real scripts are under 30 KB; the hub takes up to 512 KB) the YAML is neither
// parsed for colours nor for folding: the parser's work on every keystroke grows with the text,
// and typing must stay quick. Large editors do the same (VS Code stops colouring large files).
const largeText = 100_000;
const languageSlot = new Compartment();
const languageFor = (length: number): Extension => (length > largeText ? [] : [yaml(), foldGutter()]);

/** Whether a text is past the size above which the editor shows it without colours or folding. */
export function isLargeText(length: number): boolean {
  return length > largeText;
}

/**
 * CodeMirror's own words (the search panel, folding, the lint panel, what a screen reader hears),
 * in Spanish for the Spanish console; CodeMirror's English otherwise.
 */
const spanishPhrases: Record<string, string> = {
  Find: 'Buscar',
  Replace: 'Reemplazar',
  next: 'siguiente',
  previous: 'anterior',
  all: 'todos',
  'match case': 'mayúsculas y minúsculas',
  regexp: 'expresión regular',
  'by word': 'palabra entera',
  replace: 'reemplazar',
  'replace all': 'reemplazar todos',
  close: 'cerrar',
  'current match': 'resultado actual',
  'replaced $ matches': '$ resultados reemplazados',
  'replaced match on line $': 'resultado reemplazado en la línea $',
  'on line': 'en la línea',
  'Go to line': 'Ir a la línea',
  go: 'ir',
  'Folded lines': 'Líneas plegadas',
  'Unfolded lines': 'Líneas desplegadas',
  to: 'a',
  'folded code': 'texto plegado',
  unfold: 'desplegar',
  'Fold line': 'Plegar la línea',
  'Unfold line': 'Desplegar la línea',
  Diagnostics: 'Problemas',
  'No diagnostics': 'Sin problemas',
  Completions: 'Sugerencias',
  'Control character': 'Carácter de control',
  'Selection deleted': 'Selección borrada',
};

/** Everything the pane's editor needs besides its document and its listeners, in the console's `language`. */
export function yamlEditorExtensions(label: string, initialLength: number, language: string): Extension[] {
  return [
    ...(language.startsWith('es') ? [EditorState.phrases.of(spanishPhrases)] : []),
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    lintGutter(),
    drawSelection(),
    indentOnInput(),
    // CodeMirror's own colours, all darker than 4.5:1 on white.
    syntaxHighlighting(defaultHighlightStyle),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    languageSlot.of(languageFor(initialLength)),
    EditorState.transactionExtender.of((transaction) => {
      if (!transaction.docChanged) return null;
      const was = isLargeText(transaction.startState.doc.length);
      const now = isLargeText(transaction.newDoc.length);
      return was === now ? null : { effects: languageSlot.reconfigure(languageFor(transaction.newDoc.length)) };
    }),
    autocompletion({ override: [schemaCompletion], icons: false }),
    // No indentWithTab: Tab and Shift+Tab move the focus, as everywhere else on the page.
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap]),
    // tabindex 0: focusable already (contenteditable), said outright so that checkers such as axe
    // count the scrolling pane as reachable by keyboard.
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
    theme,
  ];
}
