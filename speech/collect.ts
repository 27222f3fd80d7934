/**
 * Gathers every text the kiosk speaks: the spoken UI strings of each locale and every spoken
 * text of every procedure in each of its declared languages.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { procedurePrompts } from '../core/audio/procedure-prompts.js';
import type { PromptText } from '../core/audio/prompt-text.js';
import { uiPrompts } from '../core/audio/spoken-ui-keys.js';
import { checkProcedureBytes } from '../core/procedure/check.js';
import { workshopFolderName } from '../core/procedure/workshop-folder.js';

/** The prompts found, and files that could not be read (their texts are missing). */
export interface CollectedPrompts {
  prompts: PromptText[];
  problems: string[];
}

/** Reads `<localesFolder>/<language>/kiosk.json` for every language folder. */
export async function readKioskLocales(localesFolder: string): Promise<{ locales: Record<string, unknown>; problems: string[] }> {
  const locales: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const language of (await readdir(localesFolder)).sort()) {
    const file = path.join(localesFolder, language, 'kiosk.json');
    if (!existsSync(file)) continue;
    try {
      locales[language] = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { locales, problems };
}

/**
 * Every spoken prompt of the UI and of the procedures in `proceduresFolder` and its workshop
 * folder (`workshopFolder`, by default `<proceduresFolder>/workshop`; it may be missing).
 */
export async function collectPrompts(folders: { proceduresFolder: string; workshopFolder?: string; localesFolder: string }): Promise<CollectedPrompts> {
  const { locales, problems } = await readKioskLocales(folders.localesFolder);
  const prompts = uiPrompts(locales);
  const workshopFolder = folders.workshopFolder ?? path.join(folders.proceduresFolder, workshopFolderName);
  const files = [...(await yamlFilesIn(folders.proceduresFolder)), ...(existsSync(workshopFolder) ? await yamlFilesIn(workshopFolder) : [])];
  for (const file of files) {
    const name = path.relative(folders.proceduresFolder, file);
    const result = checkProcedureBytes(await readFile(file));
    if (result.procedure) prompts.push(...procedurePrompts(result.procedure));
    else problems.push(`${name}: left out, it has problems (run "npm run procedures:check"): ${result.problems[0]?.message ?? 'unknown problem'}`);
  }
  return { prompts, problems };
}

/** The `.yaml`/`.yml` files of one folder (not its subfolders), sorted, as full paths. */
async function yamlFilesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(folder, entry.name))
    .sort();
}
