import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedurePrompts } from '../../../core/audio/procedure-prompts.js';
import { quizExplanationUtterances, stepUtterances } from '../../../core/audio/screen-speech.js';
import { uiPrompts } from '../../../core/audio/spoken-ui-keys.js';
import { answerStep, goNext, quizView, startSession, type EngineResult, type SessionState } from '../../../core/engine/index.js';
import { procedureFrom } from '../../support/procedures.js';

const localesFolder = path.resolve(import.meta.dirname, '../../../assets/locales');
const locale = (language: string): unknown => JSON.parse(readFileSync(path.join(localesFolder, language, 'kiosk.json'), 'utf8'));

function ok(result: EngineResult): SessionState {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.state;
}

/** A one-quiz lesson in Spanish, English and Arabic; one answer has its own spoken words. */
const lesson = procedureFrom(`id: leccion-sms
version: 1
title: { es: El SMS, en: The text message, ar: الرسالة }
summary: { es: Una lección., en: A lesson., ar: درس. }
icon: test
officialUrl: https://sede.madrid.es/
owner: Pruebas
lastVerified: 2026-11-01
languages: [es, en, ar]
practice: true
steps:
  - id: sms
    kind: quiz
    title: { es: Un SMS pide su PIN, en: A text asks for your PIN, ar: رسالة تطلب رقمك السري }
    text: { es: ¿Contesta?, en: Do you reply?, ar: هل ترد؟ }
    choices:
      - { id: si, label: { es: Sí, en: Yes, ar: نعم }, say: { es: "Sí, contesto", en: "Yes, I reply", ar: "نعم، أرد" } }
      - { id: no, label: { es: No, en: No, ar: لا }, correct: true }
    explanation: { es: El banco nunca pide el PIN por SMS., en: A bank never asks for a PIN by text., ar: البنك لا يطلب الرقم السري برسالة أبدا. }
    next: fin
  - id: fin
    kind: done
    title: { es: Fin, en: The end, ar: النهاية }
    text: { es: Hecho, en: Done, ar: تم }
`);

describe('a quiz is spoken (issue 18)', () => {
  it('has its title, text, answers and explanation as prompts in every declared language, for audio:build', () => {
    const prompts = procedurePrompts(lesson).filter((prompt) => prompt.id.startsWith('proc/leccion-sms/steps/sms/'));
    const byLanguage = (language: string): Record<string, string> =>
      Object.fromEntries(
        prompts.filter((prompt) => prompt.language === language).map((prompt) => [prompt.id.replace('proc/leccion-sms/steps/sms/', ''), prompt.text]),
      );
    expect(byLanguage('es')).toEqual({
      title: 'Un SMS pide su PIN',
      text: '¿Contesta?',
      'choices/si/say': 'Sí, contesto',
      'choices/no/label': 'No',
      explanation: 'El banco nunca pide el PIN por SMS.',
    });
    expect(Object.keys(byLanguage('en'))).toEqual(Object.keys(byLanguage('es')));
    expect(byLanguage('ar')['explanation']).toBe('البنك لا يطلب الرقم السري برسالة أبدا.');
  });

  it('asks with its title, text and answers, like a question', () => {
    const step = lesson.steps[0];
    if (!step) throw new Error('no step');
    expect(stepUtterances(lesson, step, 'en').map((u) => u.id)).toEqual([
      'proc/leccion-sms/steps/sms/title',
      'proc/leccion-sms/steps/sms/text',
      'proc/leccion-sms/steps/sms/choices/si/say',
      'proc/leccion-sms/steps/sms/choices/no/label',
    ]);
  });

  for (const language of ['es', 'en', 'ar']) {
    it(`after any answer says the answer given, the safe answer and the explanation, with words for each (${language})`, () => {
      const answered = ok(answerStep(lesson, startSession(lesson), { choiceId: 'si' }));
      const view = quizView(lesson, answered);
      if (view?.phase !== 'explain') throw new Error('no explanation');
      const said = quizExplanationUtterances(lesson, view, language);
      expect(said.map((u) => u.id)).toEqual([
        'ui/quiz.yourAnswer',
        'proc/leccion-sms/steps/sms/choices/si/say',
        'ui/quiz.safeAnswer',
        'proc/leccion-sms/steps/sms/choices/no/label',
        'proc/leccion-sms/steps/sms/explanation',
      ]);
      // Each id has a text to render in this language: the UI's from the kiosk's locale, the script's from the script.
      const texts = new Map(
        [...uiPrompts({ [language]: locale(language) }), ...procedurePrompts(lesson)].filter((p) => p.language === language).map((p) => [p.id, p.text]),
      );
      const sentence = said.map((u) => texts.get(u.id)).join(' ');
      expect(sentence).toBe(
        {
          es: 'Usted eligió: Sí, contesto La respuesta segura: No El banco nunca pide el PIN por SMS.',
          en: 'You chose: Yes, I reply The safe answer: No A bank never asks for a PIN by text.',
          ar: 'إجابتك: نعم، أرد الإجابة الآمنة: لا البنك لا يطلب الرقم السري برسالة أبدا.',
        }[language],
      );
      // No judging, whatever the answer.
      expect(sentence).not.toMatch(/incorrect|wrong|mal\b|error|bien|correct|خطأ|صحيح/i);
    });
  }

  it('after the safe answer says the same words, the safe answer named twice', () => {
    const view = quizView(lesson, ok(answerStep(lesson, startSession(lesson), { choiceId: 'no' })));
    if (view?.phase !== 'explain') throw new Error('no explanation');
    expect(quizExplanationUtterances(lesson, view, 'es').map((u) => u.id)).toEqual([
      'ui/quiz.yourAnswer',
      'proc/leccion-sms/steps/sms/choices/no/label',
      'ui/quiz.safeAnswer',
      'proc/leccion-sms/steps/sms/choices/no/label',
      'proc/leccion-sms/steps/sms/explanation',
    ]);
    expect(ok(goNext(lesson, ok(answerStep(lesson, startSession(lesson), { choiceId: 'no' })))).current).toBe('fin');
  });
});
