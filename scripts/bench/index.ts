/**
 * `npm run bench -- <area>`: prints figures, never asserts on time. Areas:
 *   procedures  1,000 generated procedures of 30 steps: time to check them all with the
 *               checker CLI's own code (cold, in a fresh process, and warm), beside the goal
 *               of 1 s and beside the same check with the position-keeping YAML parser alone;
 *               the step engine's time per transition; and the staff editor's keystroke and
 *               check on the largest sample script.
 *   hub         300 kiosks and 1,000 volunteer sockets on loopback against a hub in its own
 *               process: call created → offered on every eligible console (p50/p99) beside a
 *               bare WebSocket echo measured in the same run, and full call lifecycles per
 *               second, on SQLite and on PostgreSQL (127.0.0.1:5432, skipped if unreachable);
 *               then the hub under attack: /health and one /audio/ file p50/p99 during 40
 *               parallel wrong sign-ins, a 10,000-frame socket flood and hostile 500 KB script
 *               checks, beside the same with no attack (`hub-attack` runs only that part).
 *   kiosk       the kiosk in Chromium beside a SurveyJS rendering of the same procedure: tap →
 *               next step painted (p50/p95) at CPU throttle 1× and 4×, JavaScript shipped
 *               (gzip -9), heap and DOM nodes after 500 sessions against after the first.
 *   audio       the spoken prompts of the UI and the sample procedures: full build and
 *               no-change rebuild (in-process and as the command), in a temporary folder;
 *               then playback in Chromium against a hub: tap → next prompt playing and tap →
 *               speech stopped over walks of a procedure; and the spoken mode by keys (issue 17,
 *               headphones, keypad): key → speech stopped (goal ≤ 250 ms) and 2 → next control's
 *               description playing (goal ≤ 50 ms), first pass over a screen apart from later
 *               passes, over walks by keys of a whole procedure, with the machine's load.
 *   workshops   kiosks in workshop rooms (1 × 30, 1 × 40 = the seat limit, 10 × 30 at once) against
 *               a hub in its own process, on SQLite and PostgreSQL: a kiosk's progress report →
 *               its trainer's grid (p50/p95/p99, issue 18's goal: within 1 s), follow-the-leader →
 *               every kiosk of the room, a raised hand → the trainer, beside a bare WebSocket echo.
 *   start       a fresh `npm start -- --shell=none` (no speech built): first line, kiosk
 *               speaking through the hub, every prompt built in the background, clean stop;
 *               then the no-change audio:build command, cold and warm.
 */
import { runAudioBench } from './audio-bench.js';
import { runHubAttackBench } from './hub-bench-attacks.js';
import { runHubBench } from './hub-bench.js';
import { runKioskBench } from './kiosk-bench.js';
import { runProceduresBench } from './procedures-bench.js';
import { runStartBench } from './start-bench.js';
import { runWorkshopsBench } from './workshops-bench.js';

const areas: Record<string, () => Promise<void>> = {
  procedures: runProceduresBench,
  hub: runHubBench,
  'hub-attack': runHubAttackBench,
  kiosk: runKioskBench,
  audio: runAudioBench,
  start: runStartBench,
  workshops: runWorkshopsBench,
};

const requested = process.argv.slice(2).filter((argument) => argument !== '--');
const unknown = requested.filter((area) => !(area in areas));
if (unknown.length > 0) {
  console.error(`unknown bench area: ${unknown.join(', ')}; known areas: ${Object.keys(areas).join(', ')}`);
  process.exit(2);
}
// `hub-attack` is part of `hub`: run alone only when asked for.
for (const area of requested.length > 0 ? requested : Object.keys(areas).filter((area) => area !== 'hub-attack')) {
  await areas[area]?.();
}
