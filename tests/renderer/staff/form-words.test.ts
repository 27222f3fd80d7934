/**
 * Every fixed choice the editor's form shows (step kinds, where speech plays, typed-answer
 * formats, channels, appointments) has words in Spanish and English, never the stored code.
 */
import { describe, expect, it } from 'vitest';
import {
  appointmentOptions,
  channelKindOptions,
  inputFormatOptions,
  speakOptions,
  stepFieldWords,
  stepKindOptions,
} from '../../../renderer/staff/editor/form/enum-options.js';
import { staffTranslator } from './support/staff-translator.js';

describe('the form shows its choices in words', () => {
  for (const language of ['es', 'en'] as const) {
    it(`in ${language}: every option has its own words, and the stored codes stay`, async () => {
      const t = await staffTranslator(language);
      const lists = [stepKindOptions(t), speakOptions(t), inputFormatOptions(t), channelKindOptions(t), appointmentOptions(t)];
      for (const options of lists) {
        for (const option of options) {
          expect(option.label).not.toMatch(/^form\./);
          expect(option.label).not.toBe(option.value);
        }
        expect(new Set(options.map((option) => option.label)).size).toBe(options.length);
      }
      expect(stepKindOptions(t).map((option) => option.value)).toEqual(['info', 'question', 'quiz', 'input', 'checklist', 'review', 'handoff', 'done']);
      expect(stepKindOptions(t)[1]?.label).toBe(language === 'es' ? 'Pregunta' : 'Question');
      expect(stepKindOptions(t)[2]?.label).toBe(language === 'es' ? 'Pregunta de práctica' : 'Practice question');
      expect(stepFieldWords('explanation', t)).toMatch(language === 'es' ? /^Explicación/ : /^Explanation/);
      // A kind change names the fields it removes as the form labels them.
      expect(stepFieldWords('choices', t)).toBe(language === 'es' ? 'Respuestas' : 'Choices');
      expect(stepFieldWords('whatNext', t)).not.toMatch(/^form\.|whatNext/);
      expect(speakOptions(t).find((option) => option.value === 'headphones')?.label).toBe(language === 'es' ? 'Solo por los auriculares' : 'Headphones only');
    });
  }
});
