/**
 * Opening the kiosk at a step: `#at=<procedure>/<step>` in the URL fragment, with `size=32|48|64`,
 * `theme=normal|contrast` and `lang=es|en|ar` if wanted. Staff use it to see a step on a real
 * kiosk screen, and the fit scan (tests/e2e/kiosk-fit-matrix.e2e.ts) to reach every step of every
 * procedure at every size without walking there. It starts a fresh session at that step, as a
 * volunteer's jump would from the procedure's start (so "Atrás" is there), with no answers: it
 * never carries anything from the session it replaces, except an open help call.
 */
import { jumpToStep, startSession } from '../../../core/engine/index.js';
import { isProcedureId } from '../../../core/procedure/ids.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { kioskLanguages, type KioskLanguage } from '../i18n/kiosk-i18n.js';
import { defaultComfort, textSizes, type Comfort, type KioskSession } from './kiosk-session.js';

/** Where and how to open the kiosk, read from a fragment. */
export interface OpenAt {
  procedureId: string;
  stepId: string;
  language: KioskLanguage;
  textSize: Comfort['textSize'];
  highContrast: boolean;
}

/** The text size and colours alone, for the screen on show (`#at=here&size=64`). */
export type OpenLook = Pick<OpenAt, 'textSize' | 'highContrast'>;

/**
 * What a fragment asks: nothing, a place to open at, the screen on show in another text size or
 * colours (a workshop's screens, which no step opens: they need a workshop joined), or what is
 * wrong with it, in plain words.
 */
export type OpenAtRequest = { kind: 'none' } | { kind: 'open'; at: OpenAt } | { kind: 'look'; look: OpenLook } | { kind: 'invalid'; problem: string };

const isLanguage = (value: string): value is KioskLanguage => (kioskLanguages as readonly string[]).includes(value);

/**
 * Reads `at`, `size`, `theme` and `lang` from a fragment like `#token=…&at=cita-previa/dni&size=48`;
 * `at=here` keeps the screen and session on show and changes only the text size and colours.
 */
export function readOpenAt(hash: string): OpenAtRequest {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const at = params.get('at');
  if (at === null) return { kind: 'none' };
  if (at === 'here') {
    const look = readLook(params);
    return 'problem' in look ? { kind: 'invalid', problem: look.problem } : { kind: 'look', look };
  }
  // The scripts' own rule for ids (core/procedure/ids.ts): a step the kiosk can have, or nothing.
  const [procedureId, stepId, ...rest] = at.split('/');
  if (rest.length > 0 || !isProcedureId(procedureId) || !isProcedureId(stepId))
    return { kind: 'invalid', problem: `"at" must be <procedure>/<step> in lower case, e.g. cita-previa/dni; got "${at.slice(0, 80)}"` };
  const look = readLook(params);
  if ('problem' in look) return { kind: 'invalid', problem: look.problem };
  const language = params.get('lang') ?? 'es';
  if (!isLanguage(language)) return { kind: 'invalid', problem: `"lang" must be one of ${kioskLanguages.join(', ')}; got "${language.slice(0, 20)}"` };
  return { kind: 'open', at: { procedureId: procedureId as string, stepId: stepId as string, language, ...look } };
}

/** `size` and `theme`, 32 px and normal colours when not given. */
function readLook(params: URLSearchParams): OpenLook | { problem: string } {
  const size = params.get('size') ?? String(defaultComfort.textSize);
  const textSize = textSizes.find((known) => String(known) === size);
  if (textSize === undefined) return { problem: `"size" must be one of ${textSizes.join(', ')}; got "${size.slice(0, 20)}"` };
  const theme = params.get('theme') ?? 'normal';
  if (theme !== 'normal' && theme !== 'contrast') return { problem: `"theme" must be normal or contrast; got "${theme.slice(0, 20)}"` };
  return { textSize, highContrast: theme === 'contrast' };
}

/**
 * The session that opens at `at` among the published `procedures`, or what is wrong (a procedure
 * not published on this kiosk, a step it does not have).
 */
export function sessionAt(procedures: readonly Procedure[], at: OpenAt): { ok: true; session: KioskSession } | { ok: false; problem: string } {
  const procedure = procedures.find((candidate) => candidate.id === at.procedureId);
  if (!procedure) return { ok: false, problem: `no procedure "${at.procedureId}" is published on this kiosk` };
  const jumped = jumpToStep(procedure, startSession(procedure), at.stepId);
  if (!jumped.ok) return { ok: false, problem: `the procedure "${at.procedureId}" has no step "${at.stepId}"` };
  return {
    ok: true,
    session: {
      screen: { name: 'steps', procedureId: procedure.id, engine: jumped.state },
      language: at.language,
      comfort: { ...defaultComfort, textSize: at.textSize, highContrast: at.highContrast },
    },
  };
}
