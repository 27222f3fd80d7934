/**
 * `npm run procedures:twins -- [ids]`: writes the practice twin of each procedure named (by id,
 * from `assets/procedures/<id>.yaml`) into `assets/procedures/workshop/practica-<id>.yaml`.
 * Without ids it writes the twins of the default samples and again every twin already in the
 * workshop folder (after a source changed, the checker calls its twin "twin-stale").
 * Exit code 1 when a source is missing, has problems or cannot have a twin; 0 otherwise.
 */
import { writeTwinFiles } from './procedures/twin-files.js';

const ids = process.argv.slice(2).filter((argument) => argument !== '--');
const report = writeTwinFiles(ids);
for (const line of report.lines) console.log(line);
process.exitCode = report.exitCode;
