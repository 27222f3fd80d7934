/**
 * Reads real procedures from disk, makes their practice twins (core/procedure/practice-twin.ts)
 * and writes them as YAML into the workshop folder. Kept apart from the CLI entry so tests can
 * call it on a folder of their own.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderMessage } from '../../core/procedure/messages/catalog.js';
import { makePracticeTwin, practiceTwinId } from '../../core/procedure/practice-twin.js';
import { practiceTwinYaml } from '../../core/procedure/twin-yaml.js';
import { workshopFolderName } from '../../core/procedure/workshop-folder.js';
import { checkProcedureFileSync } from './check-one-file.js';

/** The samples that have a generated twin in the repository. */
export const defaultTwinSources = ['alta-padron', 'certificado-empadronamiento', 'cita-previa', 'pago-impuesto'] as const;

const defaultFolder = path.resolve(import.meta.dirname, '../../assets/procedures');

/** What the command prints and how it exits. */
export interface TwinReport {
  lines: string[];
  exitCode: 0 | 1;
  written: string[];
}

/** The twins already in the workshop folder, by the id of their source. */
function existingTwinSources(workshop: string): string[] {
  if (!existsSync(workshop)) return [];
  return readdirSync(workshop)
    .filter((name) => /\.ya?ml$/.test(name))
    .flatMap((name) => {
      const twinOf = checkProcedureFileSync(path.join(workshop, name)).procedure?.twinOf;
      return twinOf !== undefined ? [twinOf] : [];
    });
}

/** Writes the twins of `ids` (or of the default samples and the existing twins) under `folder`. */
export function writeTwinFiles(ids: readonly string[], folder = defaultFolder): TwinReport {
  const workshop = path.join(folder, workshopFolderName);
  const wanted = ids.length > 0 ? [...new Set(ids)] : [...new Set([...defaultTwinSources, ...existingTwinSources(workshop)])].sort();
  const lines: string[] = [];
  const written: string[] = [];
  let failed = false;
  for (const id of wanted) {
    const sourceFile = path.join(folder, `${id}.yaml`);
    if (!/^[a-z0-9-]+$/.test(id) || !existsSync(sourceFile)) {
      lines.push(`${id}: no such procedure (looked for ${sourceFile})`);
      failed = true;
      continue;
    }
    const checked = checkProcedureFileSync(sourceFile);
    if (!checked.procedure) {
      lines.push(`${sourceFile}: has problems, so its twin was not written (run npm run procedures:check)`);
      failed = true;
      continue;
    }
    const made = makePracticeTwin(checked.procedure);
    if (!made.ok) {
      lines.push(`${sourceFile}: ${renderMessage('en', made.refusal.code, made.refusal.params)}`);
      failed = true;
      continue;
    }
    const target = path.join(workshop, `${practiceTwinId(id)}.yaml`);
    writeFileSync(target, practiceTwinYaml(made.twin, `../${id}.yaml`));
    written.push(target);
    lines.push(`${path.relative(process.cwd(), target)}: written, the practice twin of ${id} (version ${made.twin.version})`);
  }
  return { lines, exitCode: failed ? 1 : 0, written };
}
