/**
 * Imported first by the pages that validate with zod (the volunteer and staff consoles): zod
 * would otherwise probe once whether it may compile its checks with `new Function`, which the
 * hub's Content-Security-Policy refuses (no 'unsafe-eval'), leaving a policy violation in every
 * page's report. Without compiling, its checks run as plain code, fast enough for these answers.
 */
import { z } from 'zod';

z.config({ jitless: true });
