/**
 * `npm run procedures:check -- [files or folders]`: checks procedure scripts and prints one
 * `path:line:column: message` line per problem, then one `path:line:column: note: message` line
 * per note (a language no native speaker has reviewed), then a one-line summary.
 * Exit code 1 on any problem, 0 when there are only notes, 2 when the command itself is used wrongly.
 * It speaks English, or Spanish when `LC_ALL`, `LC_MESSAGES` or `LANG` says so (`LANG=es_ES.UTF-8`).
 */
import { checkProcedureFiles, languageFromEnvironment } from './procedures/check-files.js';

const defaultFolder = 'assets/procedures';

const targets = process.argv.slice(2).filter((argument) => argument !== '--');
const report = await checkProcedureFiles(targets.length > 0 ? targets : [defaultFolder], languageFromEnvironment(process.env));
for (const line of report.lines) console.log(line);
process.exitCode = report.exitCode;
