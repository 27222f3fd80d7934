/**
 * The staff editor's YAML pane (CodeMirror 6, in a shadow root) for browser tests: opening the
 * "Avanzado" pane, reading and replacing the whole text, and where the cursor is. CodeMirror
 * draws only the lines in sight, so the text is read from its EditorView (found from its content
 * element through CodeMirror's own back-reference, `cmTile`), never from the page's text.
 */
import { expect, type Page } from '@playwright/test';

/** The pane's "Avanzado: el texto YAML" button. */
export function yamlDisclosure(page: Page) {
  return page.getByRole('button', { name: 'Avanzado: el texto YAML' });
}

/** The editor itself: CodeMirror's content, a labelled text box. */
export function yamlEditor(page: Page) {
  return page.getByRole('textbox', { name: 'El trámite en YAML' });
}

/** Opens the YAML pane (closed by default) unless it is open, and waits for the editor. */
export async function openYaml(page: Page): Promise<void> {
  const disclosure = yamlDisclosure(page);
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  // CodeMirror is a chunk of its own, fetched once an editor is open: longer on a busy machine.
  await expect(yamlEditor(page)).toBeVisible({ timeout: 15_000 });
}

/** The EditorView behind a content element, as far as these helpers use it. */
interface ViewLike {
  state: { doc: { toString(): string; length: number; lineAt(at: number): { from: number } }; selection: { main: { from: number; to: number } } };
  dispatch(spec: unknown): void;
}
type WithView = Element & { cmTile?: { root?: { view?: ViewLike } } };

/** The editor's whole text. */
export function yamlText(page: Page): Promise<string> {
  return yamlEditor(page).evaluate((content) => {
    const view = (content as WithView).cmTile?.root?.view;
    if (!view) throw new Error('No CodeMirror view behind the YAML editor');
    return view.state.doc.toString();
  });
}

/** Replaces the whole text, as a paste over a selection of everything would. */
export async function setYamlText(page: Page, text: string): Promise<void> {
  await yamlEditor(page).evaluate((content, replacement) => {
    const view = (content as WithView).cmTile?.root?.view;
    if (!view) throw new Error('No CodeMirror view behind the YAML editor');
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: replacement }, userEvent: 'input.paste' });
  }, text);
}

/** The cursor's line up to the selection, and the selected text. */
export function yamlSelection(page: Page): Promise<{ line: string; text: string }> {
  return yamlEditor(page).evaluate((content) => {
    const view = (content as WithView).cmTile?.root?.view;
    if (!view) throw new Error('No CodeMirror view behind the YAML editor');
    const { from, to } = view.state.selection.main;
    const text = view.state.doc.toString();
    return { line: text.slice(view.state.doc.lineAt(from).from, from), text: text.slice(from, to) };
  });
}

/** Puts the cursor just after the first `needle` in the text and focuses the editor. */
export async function yamlCursorAfter(page: Page, needle: string): Promise<void> {
  await yamlEditor(page).evaluate((content, find) => {
    const view = (content as WithView).cmTile?.root?.view;
    if (!view) throw new Error('No CodeMirror view behind the YAML editor');
    const at = view.state.doc.toString().indexOf(find);
    if (at < 0) throw new Error(`"${find}" is not in the YAML`);
    view.dispatch({ selection: { anchor: at + find.length } });
    (content as HTMLElement).focus();
  }, needle);
}
