/**
 * The spoken texts of a procedure as prompts. Positions in the file become ids (step, choice,
 * item, requirement and glossary ids), so moving a step keeps its audio; channels have no id and
 * keep their position.
 */
import type { Procedure } from '../procedure/schema.js';
import type { DataPath } from '../procedure/source-map.js';
import { listTexts } from '../procedure/texts.js';
import { procedurePromptId, type PromptId } from './prompt-names.js';
import type { PromptText } from './prompt-text.js';

/**
 * The prompt id of the text at `path` in `procedure` (a path as `listTexts` gives it, e.g.
 * `['steps', 3, 'choices', 1, 'label']` → `proc/<id>/steps/<step id>/choices/<choice id>/label`).
 * The kiosk uses the same function to find the audio of what it shows.
 */
export function procedureTextPromptId(procedure: Procedure, path: DataPath): PromptId {
  const where: (string | number)[] = [];
  let node: unknown = procedure;
  for (const segment of path) {
    const child: unknown = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
    const id = typeof segment === 'number' && typeof child === 'object' && child !== null ? (child as { id?: unknown }).id : undefined;
    where.push(typeof id === 'string' ? id : String(segment));
    node = child;
  }
  return procedurePromptId(procedure.id, where);
}

/** Every spoken text of a procedure, in each of its declared languages, in file order. */
export function procedurePrompts(procedure: Procedure): PromptText[] {
  const prompts: PromptText[] = [];
  for (const entry of listTexts(procedure)) {
    if (!entry.spoken) continue;
    const id = procedureTextPromptId(procedure, entry.path);
    for (const language of procedure.languages) {
      const text = entry.text[language];
      // A missing translation is the procedure checker's to report; there is nothing to speak.
      if (text !== undefined) prompts.push({ id, language, text, sensitive: entry.sensitive });
    }
  }
  return prompts;
}
