import { describe, expect, it } from 'vitest';
import { procedurePromptId } from '../../../core/audio/manifest.js';
import { screenSpeech } from '../../../renderer/kiosk/audio/use-kiosk-speech.js';
import { initialSession } from '../../../renderer/kiosk/session/kiosk-session.js';
import { sampleProcedures } from '../../support/procedures.js';

describe('what the catalogue says', () => {
  const procedures = sampleProcedures();
  const session = { ...initialSession(), screen: { name: 'catalogue' as const } };

  it('says the question, then the titles of the tiles on its page and no others, in their order', () => {
    const shown = [procedures[2]?.id ?? '', procedures[3]?.id ?? ''];
    const speech = screenSpeech({ session, procedures, loading: false, hubDown: false, catalogueShown: shown });
    // More pages follow: it says so, and how to see them.
    expect(speech.say.map((utterance) => utterance.id)).toEqual([
      'ui/catalogue.heading',
      ...shown.map((id) => procedurePromptId(id, ['title'])),
      'ui/catalogue.morePages',
    ]);
    // The first screen of each tile on show is loaded ahead, not those of the other pages.
    const procedureIdsLoaded = new Set(speech.preload.filter((utterance) => utterance.id.startsWith('proc/')).map((utterance) => utterance.id.split('/')[1]));
    expect([...procedureIdsLoaded].sort()).toEqual([...shown].sort());
  });

  it('on the last page, says no more than its tiles', () => {
    const lastTwo = procedures.slice(-2).map((procedure) => procedure.id);
    const speech = screenSpeech({ session, procedures, loading: false, hubDown: false, catalogueShown: lastTwo });
    expect(speech.say.map((utterance) => utterance.id)).toEqual(['ui/catalogue.heading', ...lastTwo.map((id) => procedurePromptId(id, ['title']))]);
  });

  it('is a new screen to say when the page shows other tiles', () => {
    const first = screenSpeech({ session, procedures, loading: false, hubDown: false, catalogueShown: [procedures[0]?.id ?? ''] });
    const second = screenSpeech({ session, procedures, loading: false, hubDown: false, catalogueShown: [procedures[1]?.id ?? ''] });
    expect(first.key).not.toBe(second.key);
  });
});
