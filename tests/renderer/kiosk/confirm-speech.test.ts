import { describe, expect, it } from 'vitest';
import { spokenUiKeys } from '../../../core/audio/spoken-ui-keys.js';
import { confirmUtterances } from '../../../renderer/kiosk/confirm/confirm-sheet.js';

describe('the questions before erasing and sending are spoken', () => {
  it('says the question, why, and both answers, each one a prompt the audio build renders', () => {
    for (const kind of ['erase', 'send'] as const) {
      const ids = confirmUtterances(kind).map((utterance) => utterance.id);
      expect(ids).toHaveLength(4);
      for (const id of ids)
        expect(
          (spokenUiKeys as readonly string[]).map((key) => `ui/${key}`),
          `${kind}: ${id}`,
        ).toContain(id);
    }
    expect(confirmUtterances('erase').map((utterance) => utterance.id)).toEqual([
      'ui/confirm.eraseHeading',
      'ui/confirm.eraseText',
      'ui/confirm.keep',
      'ui/confirm.erase',
    ]);
  });

  it("renders the voice's spoken samples, one a speed", () => {
    expect(spokenUiKeys).toContain('speech.sampleSlow');
    expect(spokenUiKeys).toContain('speech.sampleNormal');
  });
});
