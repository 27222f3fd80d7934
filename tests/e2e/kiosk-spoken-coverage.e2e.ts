/**
 * Every control on every kiosk screen has a spoken name in each language (issue 17), as
 * `audio:check` does for the prompts: the kiosk is opened at every screen (the attract screen,
 * language, comfort, every catalogue page, every part of every step of every sample procedure,
 * and the questions that open over a screen), and every control the spoken mode can reach there
 * must name itself (`data-spoken`, renderer/kiosk/tactile/spoken-attributes.ts) by prompts that
 * the audio manifest holds in Spanish, English and Arabic, and so must the words the mode adds
 * (its kind, its state, "Respuesta N de M").
 */
import type { Page } from '@playwright/test';
import type { AudioManifest } from '../../core/audio/manifest.js';
import { describeControl, maxSpokenPosition, type ControlFacts } from '../../core/tactile/describe.js';
import { sampleProcedures } from '../support/procedures.js';
import { expect, test } from './fixtures/hub.js';
import type * as SpokenControls from '../../renderer/kiosk/tactile/spoken-controls.js';
import { pageModuleScript } from './support/page-module.js';
import { readTestAudio } from './support/speech-audio.js';

const kioskUrl = '/kiosk/#token=demo-kiosk-1-device-token-not-a-secret&settle=0&headphones=1';
const languages = ['es', 'en', 'ar'];

/** A reachable control as the page describes it. */
interface SeenControl {
  text: string;
  facts: ControlFacts;
}

/** The kiosk's own spoken-controls module (renderer/kiosk/tactile/spoken-controls.ts), run in the page. */
const spokenControlsScript = pageModuleScript('renderer/kiosk/tactile/spoken-controls.ts', 'pasoSpokenControls');
type SpokenControlsModule = typeof SpokenControls;

/** The controls the spoken mode can reach now, with their facts, read by the mode's own code. */
async function reachable(page: Page): Promise<SeenControl[]> {
  return page.evaluate(() => {
    const { reachableControls, factsOf } = (window as unknown as { pasoSpokenControls: SpokenControlsModule }).pasoSpokenControls;
    return reachableControls().map((element) => ({
      text: (element.textContent ?? element.getAttribute('aria-label') ?? '').trim().slice(0, 60),
      facts: factsOf(element),
    }));
  });
}

/** What is wrong with the controls on screen: unnamed, or a prompt missing in a language. */
function gaps(manifest: AudioManifest, where: string, controls: readonly SeenControl[]): string[] {
  const found: string[] = [];
  for (const control of controls) {
    if (control.facts.label.length === 0) found.push(`${where}: "${control.text}" has no spoken name`);
    if (control.facts.position && control.facts.position.count > maxSpokenPosition) {
      found.push(
        `${where}: "${control.text}" is answer ${control.facts.position.index} of ${control.facts.position.count}, more than the spoken mode can number`,
      );
    }
    for (const utterance of describeControl(control.facts)) {
      for (const language of utterance.language && !utterance.id.startsWith('ui/') ? [utterance.language] : languages) {
        if (!manifest.prompts[utterance.id]?.[language]) found.push(`${where}: "${control.text}" says ${utterance.id}, which has no ${language} audio`);
      }
    }
  }
  return found;
}

test.describe('the spoken mode names every control', () => {
  test('on the attract, language, comfort and catalogue screens and on every part of every step of every sample, in es, en and ar', async ({ page }) => {
    test.setTimeout(300_000);
    const manifest = await readTestAudio();
    const problems: string[] = [];
    const check = async (where: string): Promise<void> => {
      const controls = await reachable(page);
      expect(controls.length, `${where}: some control to reach`).toBeGreaterThan(0);
      problems.push(...gaps(manifest, where, controls));
    };
    /** Every part of the screen: "Seguir leyendo" (or the catalogue's "Ver más trámites") until the last. */
    const everyPart = async (where: string, more: string): Promise<void> => {
      for (let part = 1; part <= 12; part += 1) {
        await check(`${where} (part ${part})`);
        const next = page.getByRole('button', { name: more, exact: true });
        if (!(await next.isVisible())) return;
        await next.click();
      }
    };

    await page.addInitScript({ content: spokenControlsScript });
    await page.goto(kioskUrl);
    await check('attract');
    await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
    await check('language');
    await page.getByRole('button', { name: 'Español' }).click();
    await everyPart('comfort', 'Seguir leyendo');
    await page.getByRole('button', { name: 'Seguir', exact: true }).click();
    await expect(page.getByRole('heading', { name: '¿Qué quiere hacer hoy?' })).toBeVisible();
    await everyPart('catalogue', 'Ver más trámites');
    // "¿Borrar lo que ha escrito?" and "¿Sigue ahí?" open over a screen: their answers too.
    await page.getByRole('button', { name: 'Terminar' }).click();
    await check('attract after Terminar');

    for (const procedure of sampleProcedures()) {
      for (const step of procedure.steps) {
        await page.evaluate((at) => (window.location.hash = `#at=${at}`), `${procedure.id}/${step.id}`);
        await expect(page.locator(`main[data-step-id="${step.id}"][data-packed]`)).toBeVisible();
        await everyPart(`${procedure.id}/${step.id}`, 'Seguir leyendo');
      }
    }
    expect(problems).toEqual([]);
  });
});
