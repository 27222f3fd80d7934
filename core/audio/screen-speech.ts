/**
 * What each kiosk screen says, as lists of utterances for the speech channel: the same texts the
 * screen shows, by their prompt ids, in the order a senior reads them. Pure, so the kiosk and the
 * tests build the same lists; the kiosk decides when to say them.
 */
import { compileProcedure, possibleNextStepIds, type QuizView } from '../engine/index.js';
import { waitMinutes } from '../help-call/estimate.js';
import type { HelpCallStatus } from '../kiosk/help-call-status.js';
import type { HandShown } from '../kiosk/workshop-participation.js';
import type { Procedure, Step } from '../procedure/schema.js';
import type { SpeechPrivacy, Utterance } from './channel.js';
import { procedurePromptId, uiPromptId } from './prompt-names.js';

/** A UI string's prompt, in the screen's language. */
export function ui(key: string): Utterance {
  return { id: uiPromptId(key) };
}

/**
 * Where a step's texts may be heard: the script's `speak`, and a sensitive step is private
 * whatever `speak` says (the checker refuses `speaker` on one anyway).
 */
export function stepPrivacy(step: Step): SpeechPrivacy {
  if (step.speak === 'never') return 'never';
  if (step.sensitive === true || step.speak === 'headphones') return 'private';
  return 'public';
}

/**
 * A step's instruction: its title, then what is spoken for it (`say`, else `text`), then what
 * it asks for: the choices, the field's label, the items to tick, what comes next. Typed answers
 * are never in it (the review screen's values are the senior's personal data).
 */
export function stepUtterances(procedure: Procedure, step: Step, language: string): Utterance[] {
  const privacy = stepPrivacy(step);
  const at = (...where: string[]): Utterance => ({ id: procedurePromptId(procedure.id, ['steps', step.id, ...where]), language, privacy });
  const list: Utterance[] = [at('title'), at(step.say ? 'say' : 'text')];
  switch (step.kind) {
    case 'question':
    case 'quiz':
      for (const choice of step.choices) list.push(at('choices', choice.id, choice.say ? 'say' : 'label'));
      break;
    case 'input':
      list.push(at('label'));
      break;
    case 'checklist':
      for (const item of step.items) list.push(at('items', item.id, 'label'));
      break;
    case 'handoff':
      list.push({ ...ui('step.handoff'), privacy });
      break;
    case 'done':
      if (step.whatNext) list.push({ ...ui('step.whatNext'), privacy }, at('whatNext'));
      if (step.takeHome) list.push(at('takeHome'));
      break;
    case 'info':
    case 'review':
      break;
  }
  return list;
}

/**
 * A quiz after an answer (issue 18): "Usted eligió: …", "La respuesta segura: …", then the
 * explanation. The same reading follows any answer; nothing in it says right or wrong.
 */
export function quizExplanationUtterances(procedure: Procedure, view: Extract<QuizView, { phase: 'explain' }>, language: string): Utterance[] {
  const privacy = stepPrivacy(view.step);
  const at = (...where: string[]): Utterance => ({ id: procedurePromptId(procedure.id, ['steps', view.step.id, ...where]), language, privacy });
  const answer = (choice: { id: string; say?: unknown }): Utterance => at('choices', choice.id, choice.say ? 'say' : 'label');
  return [{ ...ui('quiz.yourAnswer'), privacy }, answer(view.chosen), { ...ui('quiz.safeAnswer'), privacy }, answer(view.safe), at('explanation')];
}

/**
 * The beginnings (title and instruction) of the steps that can come after this one, to load
 * while the senior reads: a tap on "Siguiente" then plays at once.
 */
export function nextStepsUtterances(procedure: Procedure, stepId: string, language: string): Utterance[] {
  const compiled = compileProcedure(procedure);
  return possibleNextStepIds(procedure, stepId).flatMap((id) => {
    const step = compiled.stepById.get(id);
    return step ? stepUtterances(procedure, step, language).slice(0, 2) : [];
  });
}

/** "Tenga a mano…": the heading, the script's question and the two answers. */
export function requirementUtterances(procedure: Procedure, requirementIndex: number, language: string): Utterance[] {
  const requirement = procedure.requirements[requirementIndex];
  if (!requirement) return [];
  return [
    ui('requirements.heading'),
    { id: procedurePromptId(procedure.id, ['requirements', requirement.id, 'question']), language },
    ui('requirements.yes'),
    ui('requirements.no'),
  ];
}

/** "Vuelva con…": the heading, the introduction and what is missing. */
export function missingUtterances(procedure: Procedure, missing: readonly string[], language: string): Utterance[] {
  const items = procedure.requirements.filter((requirement) => missing.includes(requirement.id));
  return [
    ui('requirements.missingHeading'),
    ui('requirements.missingIntro'),
    ...items.map((requirement) => ({
      id: procedurePromptId(procedure.id, ['requirements', requirement.id, requirement.ifMissing ? 'ifMissing' : 'label']),
      language,
    })),
  ];
}

/**
 * The catalogue: the question, then each tile's title on this page, then, when later pages hold
 * more, that there are more and how to see them (a senior who never looks at the dock still hears it).
 */
export function catalogueUtterances(shown: readonly Procedure[], languageOf: (procedure: Procedure) => string, morePages = false): Utterance[] {
  return [
    ui('catalogue.heading'),
    ...shown.map((procedure) => ({ id: procedurePromptId(procedure.id, ['title']), language: languageOf(procedure) })),
    ...(morePages ? [ui('catalogue.morePages')] : []),
  ];
}

/** A glossary word and its meaning, when the senior taps it. */
export function glossaryUtterances(procedure: Procedure, entryId: string, language: string): Utterance[] {
  return [
    { id: procedurePromptId(procedure.id, ['glossary', entryId, 'term']), language },
    { id: procedurePromptId(procedure.id, ['glossary', entryId, 'meaning']), language },
  ];
}

/** A refused answer, explained: the validation sentence of its code. */
export function validationUtterance(code: string, language: string): Utterance {
  return { id: uiPromptId(`validation.${code}`), language };
}

/**
 * What the help panel says: fixed sentences from the manifest, and the ones with a name, a
 * place in the queue or the site's "ask at the desk" as dynamic sentences the hub renders
 * (`GET /api/kiosk/speech`, with only the values core/protocol's speechValuesNeeded lists).
 */
export function helpStatusUtterances(status: HelpCallStatus): Utterance[] {
  switch (status.kind) {
    case 'calling':
      return [ui('help.calling')];
    case 'queued':
      return status.estimatedWaitSeconds > 0
        ? [{ id: 'help.queued', values: { position: String(status.position), minutes: String(waitMinutes(status.estimatedWaitSeconds)) } }]
        : [{ id: 'help.queuedSoon', values: { position: String(status.position) } }];
    case 'coming':
      return [{ id: 'help.coming', values: { name: status.volunteerName } }];
    case 'arrived':
      return [{ id: 'help.arrived', values: { name: status.volunteerName } }];
    case 'nobody-came':
      // The hub adds the site's "ask at the desk" itself: a kiosk sends no free text to speak.
      return [{ id: 'help.nobodyCame', values: {} }];
    case 'unreachable':
      return [{ id: 'help.unreachable', values: {} }, ui('help.stillTrying')];
    case 'none':
    case 'closed':
      return [];
  }
}

/**
 * What a workshop's hand says where the help call's status would (issue 18): "Ha levantado la
 * mano…" when raised, and the trainer's "Ana viene" as a sentence the hub renders with the name,
 * as it does the help call's `help.coming`; nothing when the hand is down.
 */
export function workshopHandUtterances(hand: HandShown): Utterance[] {
  if (hand.kind === 'raised') return [ui('workshop.handRaised')];
  if (hand.kind === 'answered') return [{ id: 'workshop.handAnswered', values: { name: hand.name } }];
  return [];
}

/**
 * The trainer's pause over the screen: its heading and the fixed sentence ("Mire al voluntario y
 * escuche"). The trainer's own message is free text, shown under them but never spoken: the kiosk
 * speaks only texts rendered ahead of time or composed by the hub from its own templates.
 */
export function workshopPauseUtterances(): Utterance[] {
  return [ui('workshop.pausedHeading'), ui('workshop.pausedText')];
}

/**
 * The help call in full when the senior opens it from the help button of a short screen: its
 * status, then its two buttons ("Seguir esperando", "Cancelar llamada"; "Cerrar" alone once the
 * volunteer is there), as the idle warning says its button.
 */
export function helpCallSheetUtterances(status: HelpCallStatus): Utterance[] {
  const said = helpStatusUtterances(status);
  if (said.length === 0) return [];
  return status.kind === 'arrived' ? [...said, ui('glossary.close')] : [...said, ui('help.keepWaiting'), ui('help.cancel')];
}

/**
 * "Más opciones", as its sheet opens over the screen (the bar's controls that had no room in
 * its row: app/session-bar.tsx): its heading, then "Empezar de nuevo" or "Terminar" when it holds
 * it (the speech's own controls are not spoken: spoken-ui-keys.ts).
 */
export function moreOptionsUtterances(holds: { restart?: 'session.restart' | 'session.end' }): Utterance[] {
  return holds.restart ? [ui('bar.more'), ui(holds.restart)] : [ui('bar.more')];
}
