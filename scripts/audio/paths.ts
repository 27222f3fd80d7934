/** Where the audio builder reads and writes by default; `PASO_AUDIO_FOLDER` moves the output. */
import path from 'node:path';
import { workshopFolderName } from '../../core/procedure/workshop-folder.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The default folders of `npm run audio:build` and `npm run audio:check`. */
export function defaultAudioPaths(env: NodeJS.ProcessEnv = process.env) {
  return {
    audioFolder: path.resolve(env['PASO_AUDIO_FOLDER'] ?? path.join(root, 'dist/audio')),
    proceduresFolder: path.join(root, 'assets/procedures'),
    // Practice twins and safety lessons are spoken like any other script.
    workshopFolder: path.join(root, 'assets/procedures', workshopFolderName),
    localesFolder: path.join(root, 'assets/locales'),
    recordingsFolder: path.join(root, 'assets/audio/recordings'),
  };
}
