/**
 * The staff console in Chromium against a real hub: sign in, edit a step's Spanish text in the
 * form, see it in the kiosk preview, publish, and watch a kiosk already showing that step change
 * without a reload; a broken edit located in the YAML and on the form with publishing disabled;
 * rollback; a concurrent save refused with who saved in between; axe (WCAG 2 A/AA) and a
 * screenshot of every page.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import type { AudioManifest } from '../../core/audio/manifest.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { reveal } from './support/fit-scan.js';
import { axeAA, signIn } from './support/staff-console.js';
import { openYaml, setYamlText, yamlCursorAfter, yamlDisclosure, yamlEditor, yamlSelection, yamlText } from './support/yaml-editor.js';
import { readTestAudio, serveAudioFrom, testAudioFolder } from './support/speech-audio.js';
import { recordSpeech } from './support/speech-log.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';

const kioskUrl = '/kiosk/#token=demo-kiosk-1-device-token-not-a-secret&settle=0';
const screenshots = 'docs/screenshots';
const procedureId = 'certificado-empadronamiento';
const firstStepText = 'Vamos a pedir su certificado de empadronamiento. Es gratis. Esto es un ejemplo para practicar.';
// A desktop screen, the console's target.
const desktop = { width: 1600, height: 1000 };

test.use({ viewport: desktop });

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/staff-${name}.png`, fullPage: true });
}

async function openEditor(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Editar Certificado de empadronamiento' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Editando: Certificado de empadronamiento' })).toBeVisible();
}

/** Back to the list and into the editor again: a fresh editor, the changes of the one before (never saved) gone. */
async function reopenEditor(page: Page): Promise<void> {
  await page.getByRole('link', { name: /Volver a los trámites/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trámites' })).toBeVisible();
  await openEditor(page);
}

/** The Spanish "text on screen" field of the chosen step. */
function spanishText(page: Page) {
  return page.getByLabel('Texto en pantalla, Español');
}

/**
 * A step's text as the kiosk shows it: each sentence is a block of its own (so a long text can
 * go over parts), and the text is the sentences in sight, joined.
 */
function shownText(scope: Page | FrameLocator): Promise<string> {
  return scope
    .locator('.step-text:visible')
    .allInnerTexts()
    .then((sentences) => sentences.join(' '));
}

/** The preview's kiosk, inside its frame. */
function preview(page: Page) {
  return page.frameLocator('iframe.preview-frame');
}

/** Attract → Español → comfort → census certificate → both requirements → step 1 (`open`: load the page first). */
async function kioskToFirstStep(page: Page, open = true): Promise<void> {
  if (open) await page.goto(kioskUrl);
  await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
  await page.getByRole('button', { name: 'Español' }).click();
  // The kiosk's own page is 1280 × 720 here: the comfort choices may come in parts, "Seguir" on the last.
  const continueButton = page.getByRole('button', { name: 'Seguir', exact: true });
  await reveal(page, continueButton, 'Seguir leyendo');
  await continueButton.click();
  await page.getByRole('button', { name: /^Certificado de empadronamiento/ }).click();
  await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
  await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
  await expect(page.getByText('Paso 1 de')).toBeVisible();
}

async function staffToken(hubUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(hubUrl + apiRoutes.staffLogin.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** A play event in the kiosk's test-only speech log (support/speech-log.ts). */
async function playedUrls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as unknown as { __pasoSpeech?: { events: { type: string; url: string }[] } }).__pasoSpeech?.events ?? [])
      .filter((event) => event.type === 'play')
      .map((event) => event.url),
  );
}

test.describe('the staff console', () => {
  // Each test signs in, edits and publishes through a real hub on a shared two-core machine.
  // Walks that leave the hub as they found it for the next one share a test (one hub, one
  // sign-in: seconds each), as steps that keep this time each.
  const stepTimeout = 120_000;
  test.describe.configure({ timeout: stepTimeout });
  let restoreAudioFolder = (): void => undefined;
  let builtAudio: AudioManifest | undefined;
  test.beforeAll(async () => {
    // The kiosk speaks and the editor's "Escuchar" renders: the hubs serve the speech tests'
    // audio (built once by the global setup, tests/e2e/global-setup.ts), in which the census
    // certificate has its old wording.
    builtAudio = await readTestAudio();
    restoreAudioFolder = serveAudioFrom(testAudioFolder);
  });
  test.afterAll(() => {
    restoreAudioFolder();
  });
  test('sign in, edit a step in Spanish, see it in the preview, publish, and a kiosk shows and speaks it without reloading', async ({ page, browser, hub }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const kiosk = await (await browser.newContext({ baseURL: hub.url })).newPage();
    await recordSpeech(kiosk);
    await kiosk.goto(kioskUrl);
    await kioskToFirstStep(kiosk, false);
    await expect.poll(() => shownText(kiosk)).toBe(firstStepText);
    let kioskLoads = 0;
    kiosk.on('load', () => (kioskLoads += 1));

    await page.goto('/staff/');
    await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
    expect(await axeAA(page)).toEqual([]);
    await shoot(page, 'login');
    // The console speaks English too, and remembers the choice.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await axeAA(page)).toEqual([]);
    await page.getByRole('button', { name: 'Español' }).click();
    await signIn(page);
    // Signed in, the focus is on the page's heading, not <body>.
    await expect(page.getByRole('heading', { level: 1, name: 'Trámites' })).toBeFocused();
    // Keyboard: on a page opened afresh the first Tab shows the skip link, with a visible focus ring, and it leads to the page.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Trámites' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Saltar al contenido' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    expect(await skip.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Nuevo trámite' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Editar Empadronarse o cambiar de dirección' })).toBeFocused();
    await expect(page.locator(`tr[data-procedure="${procedureId}"]`)).toContainText('Publicado v1');
    expect(await axeAA(page)).toEqual([]);
    await shoot(page, 'procedures');

    await openEditor(page);
    await expect(spanishText(page)).toHaveValue(firstStepText);
    await expect.poll(() => shownText(preview(page))).toBe(firstStepText);
    const newText = 'Vamos a pedir su certificado. No cuesta nada.';
    await spanishText(page).fill(newText);
    // The YAML pane follows the form, and the preview shows the kiosk with the new words.
    await openYaml(page);
    await expect.poll(() => yamlText(page)).toMatch(new RegExp(`es: ${newText}`));
    await expect.poll(() => shownText(preview(page))).toBe(newText);
    // "Escuchar" has the hub speak the changed words, which no build has rendered yet.
    await expect(page.getByText('Este texto ha cambiado desde que se generó el audio')).toBeVisible();
    const spoken = page.waitForResponse((response) => response.url().endsWith('/api/staff/speech') && response.request().postDataJSON()?.text === newText);
    await page.getByRole('button', { name: 'Escuchar' }).click();
    const speech = await spoken;
    expect(speech.status()).toBe(200);
    const body = (await speech.json()) as { text: string; duration: number };
    expect(body.text).toBe(newText);
    expect(body.duration).toBeGreaterThan(0);
    const languages = page.getByRole('group', { name: 'Idioma' });
    await languages.getByRole('button', { name: 'Inglés' }).click();
    await expect(preview(page).locator('.kiosk h1')).toHaveText('Census registration certificate');
    await expect(preview(page).getByRole('button', { name: 'Next' })).toBeVisible();
    await languages.getByRole('button', { name: 'Español' }).click();
    await expect(preview(page).locator('.kiosk h1')).toHaveText('Certificado de empadronamiento');
    await page.getByRole('group', { name: 'Tamaño del texto' }).getByRole('button', { name: '64 px' }).click();
    await expect(preview(page).locator('.kiosk h1')).toHaveCSS('font-size', '80px');
    await expect(page.getByRole('heading', { name: 'Sin problemas.' })).toBeVisible();
    // The certificate's Arabic is machine-made: a note says so in the console's language, apart
    // from the problems (there are none) in its own box and colour, and publishing goes on below.
    const notes = page.getByRole('list', { name: /^\d+ notas? \(no impiden? publicar\)$/ });
    const arabicNote = notes.getByRole('button', { name: /^Línea \d+: Árabe \(ar\): ningún hablante nativo ha revisado este texto\./ });
    await expect(arabicNote).toBeVisible();
    await expect(page.locator('#editor-problems')).toHaveCount(0);
    expect(await arabicNote.evaluate((button) => getComputedStyle(button).color)).toBe('rgb(0, 58, 112)');
    expect(await notes.evaluate((list) => getComputedStyle(list.parentElement ?? list).borderLeftStyle)).toBe('solid');
    // The note takes the YAML's cursor to Arabic in the list of languages.
    await arabicNote.click();
    expect(await yamlSelection(page)).toEqual({ line: 'languages: [es, en, ', text: 'ar]' });
    // The form says which languages a native speaker has reviewed: Spanish only.
    await page.getByText('El trámite', { exact: true }).click();
    const reviewed = page.getByRole('group', { name: 'Revisados por un hablante nativo' });
    await expect(reviewed.getByRole('checkbox', { name: 'Español (es)' })).toBeChecked();
    await expect(reviewed.getByRole('checkbox', { name: 'Árabe (ar)' })).not.toBeChecked();
    await page.getByText('El trámite', { exact: true }).click();
    // The preview shows the script's Arabic, right to left.
    await languages.getByRole('button', { name: 'Árabe' }).click();
    await expect(preview(page).locator('.kiosk h1')).toHaveText('شهادة التسجيل في سجل السكان');
    await expect(preview(page).locator('html')).toHaveAttribute('dir', 'rtl');
    await languages.getByRole('button', { name: 'Español' }).click();
    await expect(preview(page).locator('.kiosk h1')).toHaveText('Certificado de empadronamiento');
    expect(await axeAA(page)).toEqual([]);
    await shoot(page, 'editor');

    const publish = page.getByRole('button', { name: 'Publicar la versión 2' });
    await expect(publish).toBeDisabled();
    await expect(page.getByText('No se puede publicar: escriba antes qué ha cambiado.')).toBeVisible();
    await page.getByLabel('Qué ha cambiado (una línea, obligatorio)').fill('Texto de bienvenida más corto');
    // The note about the Arabic is still there: notes never keep a script from being published.
    await expect(notes).toBeVisible();
    await expect(publish).toBeEnabled();
    // The kiosk downloads the new set when the hub tells it; a senior who picks the procedure
    // before that download ends rightly gets the old version, so the test waits for it.
    const kioskDownload = kiosk.waitForResponse((response) => new URL(response.url()).pathname === '/api/procedures' && response.ok());
    await publish.click();
    await expect(page.getByText('La versión 2 está publicada. Los kioscos conectados la reciben en unos segundos', { exact: false })).toBeVisible();
    await expect(page.getByText('Texto de bienvenida más corto')).toBeVisible();

    // The kiosk got the new version without a reload. A senior already inside the procedure
    // finishes with the version they started (the kiosk swaps only at a safe point); the next
    // session, on the same page, shows the published words.
    await expect.poll(() => shownText(kiosk)).toBe(firstStepText);
    await kioskDownload;
    await kiosk.getByRole('button', { name: 'Empezar de nuevo' }).click();
    // The build spoke the old words: the kiosk asks the hub for the published ones, by id.
    const newSpeech = kiosk.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === apiRoutes.kioskPromptSpeech.path && url.searchParams.get('id') === `proc/${procedureId}/steps/bienvenida/text`;
    });
    await kioskToFirstStep(kiosk, false);
    await expect.poll(() => shownText(kiosk), { timeout: 15_000 }).toBe(newText);
    const answer = await newSpeech;
    expect(answer.status()).toBe(200);
    const spokenNow = (await answer.json()) as { text: string; ogg: string };
    expect(spokenNow.text).toBe(newText);
    await expect.poll(() => playedUrls(kiosk), { timeout: 20_000 }).toContain(spokenNow.ogg);
    expect(kioskLoads).toBe(0);
    expect(errors).toEqual([]);
  });

  test('the editor: its YAML pane, the preview at each screen, steps added and removed, and a broken edit that cannot be published', async ({ page }) => {
    test.setTimeout(4 * stepTimeout);
    await signIn(page);
    await openEditor(page);
    await test.step(
      'the YAML pane is closed until asked for, completes field names from the schema, and lets the keyboard out',
      async () => {
        // Opening the editor takes the focus to its heading, not <body>.
        await expect(page.getByRole('heading', { level: 1, name: 'Editando: Certificado de empadronamiento' })).toBeFocused();
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        const disclosure = yamlDisclosure(page);
        await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
        await expect(yamlEditor(page)).toHaveCount(0);
        await disclosure.press('Enter');
        await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
        await expect(yamlEditor(page)).toBeVisible();
        // The next Tab stop is the editor, a labelled multi-line text box.
        await page.keyboard.press('Tab');
        await expect(yamlEditor(page)).toBeFocused();
        await expect(yamlEditor(page)).toHaveAttribute('aria-multiline', 'true');
        // A new field of the first step: "hel" offers the schema's `help`, which Enter writes.
        await yamlCursorAfter(page, 'kind: info');
        await page.keyboard.press('Enter');
        await page.keyboard.type('hel');
        await expect(page.getByRole('option', { name: 'help' })).toHaveAttribute('aria-selected', 'true');
        // CodeMirror takes no Enter in the first 75 ms of a list (its interactionDelay, against picks by accident).
        await page.waitForTimeout(100);
        await page.keyboard.press('Enter');
        await expect.poll(() => yamlText(page)).toContain('- id: bienvenida\n    kind: info\n    help: \n');
        // Search (Ctrl+F) is in Spanish; Escape closes it and gives the editor back the focus.
        await page.keyboard.press('ControlOrMeta+F');
        await expect(page.getByRole('textbox', { name: 'Buscar', exact: true })).toBeFocused();
        await page.keyboard.press('Escape');
        await expect(yamlEditor(page)).toBeFocused();
        // Escape, then Tab, leaves the editor for the next control: the editor is no keyboard trap.
        await page.keyboard.press('Escape');
        await page.keyboard.press('Tab');
        await expect(yamlEditor(page)).not.toBeFocused();
        expect(await page.evaluate(() => document.activeElement?.closest('.problems') !== null)).toBe(true);
        expect(await axeAA(page)).toEqual([]);
      },
      { timeout: stepTimeout },
    );

    await test.step(
      'the preview draws the step at each kiosk screen and counts its parts at every screen and text size',
      async () => {
        await reopenEditor(page);
        const survey = page.getByRole('table', { name: /Cómo cabe este paso en cada pantalla/ });
        const cell = (screen: string, size: number) => survey.locator(`td[data-screen="${screen}"][data-size="${size}"]`);
        // The first step (three short sentences) fits whole on the commonest screen at 32 px.
        await expect(cell('1920x1080', 32)).toHaveText('Cabe entero');
        // The DNI step: its picture and words, then the field with its keyboard; more parts as the
        // text grows and the screen shrinks, never fewer.
        await page.locator('#preview-step').selectOption('escribir-dni');
        await expect(cell('1920x1080', 32)).toHaveText('2 partes');
        const counted = async (screen: string, size: number) => Number((await cell(screen, size).getAttribute('data-parts')) ?? '0');
        await expect.poll(() => counted('1366x768', 64)).toBeGreaterThanOrEqual(3);
        for (const screen of ['1920x1080', '1366x768', '1280x1024', '1080x1920']) {
          await expect.poll(() => counted(screen, 64)).toBeGreaterThan(0);
          expect(await counted(screen, 64)).toBeGreaterThanOrEqual(await counted(screen, 32));
        }
        // Choosing a screen draws the kiosk at its size.
        await page.getByRole('group', { name: 'Pantalla' }).getByRole('button', { name: '1366 × 768' }).click();
        await expect(page.locator('iframe.preview-frame')).toHaveAttribute('title', /pantalla de 1366 × 768/);
        expect(await page.locator('iframe.preview-frame').evaluate((frame) => (frame as HTMLIFrameElement).contentWindow?.innerWidth)).toBe(1366);
        await expect(preview(page).locator('main')).toHaveAttribute('data-parts', String(await counted('1366x768', 32)));
        expect(await axeAA(page)).toEqual([]);

        // A first step of twelve sentences is a warning on the smallest screen at the largest text,
        // not a problem: publishing stays possible, and the warning shows its step.
        await page.locator('#preview-step').selectOption('bienvenida');
        const long = Array.from({ length: 12 }, (_, i) => `Esta es la frase número ${i + 1} de un texto demasiado largo para una pantalla pequeña.`).join(' ');
        await spanishText(page).fill(long);
        const warning = page.getByRole('button', {
          name: /El paso «bienvenida» necesita \d+ partes en una pantalla de 1366 × 768 con texto de 64 px \(más de 3\)/,
        });
        await expect(warning).toBeVisible({ timeout: 15_000 });
        // Not the only warning: the census certificate's done steps (words, QR code, print button)
        // take 4 or 5 parts there too.
        await expect(page.getByText(/^\d+ avisos? \(se puede publicar\)$/)).toBeVisible();
        await expect(page.getByRole('heading', { name: 'Sin problemas.' })).toBeVisible();
        await page.locator('#preview-step').selectOption('escribir-dni');
        await warning.click();
        await expect(page.locator('#preview-step')).toHaveValue('bienvenida');
        expect(await axeAA(page)).toEqual([]);
        // Short again: the warning goes.
        await spanishText(page).fill(firstStepText);
        await expect(warning).toHaveCount(0, { timeout: 15_000 });
      },
      { timeout: stepTimeout },
    );

    await test.step(
      'steps are added, linked, moved and removed in the form, and the YAML follows',
      async () => {
        await reopenEditor(page);
        await page.getByRole('button', { name: 'Añadir un paso después de este' }).click();
        await expect(page.getByRole('heading', { level: 3, name: 'Paso 2: paso-nuevo' })).toBeVisible();
        await openYaml(page);
        await expect.poll(() => yamlText(page)).toMatch(/- id: paso-nuevo\n\s+kind: info/);
        // Nothing leads to it yet, and it leads nowhere: the checker says so.
        await expect(page.locator('#editor-problems')).toContainText('paso-nuevo');
        await page.getByLabel('Paso siguiente').selectOption('lo-necesita');
        await page
          .getByRole('listbox', { name: 'Pasos' })
          .getByRole('option', { name: /^1\. bienvenida/ })
          .click();
        await page.getByLabel('Paso siguiente').selectOption('paso-nuevo');
        await expect(page.getByRole('heading', { name: 'Sin problemas.' })).toBeVisible();
        await expect(preview(page).locator('.kiosk h1')).toHaveText('Certificado de empadronamiento');

        // A question's answers each choose where they lead.
        await page
          .getByRole('listbox', { name: 'Pasos' })
          .getByRole('option', { name: /^3\. lo-necesita/ })
          .click();
        await page.getByLabel('Lleva a (Respuesta 1)').selectOption('autorizar');
        await expect.poll(() => yamlText(page)).toMatch(/- id: si\n(.*\n){4}\s+next: autorizar/);

        // Moving and removing act on the chosen step (the list itself is one Tab stop).
        await page
          .getByRole('listbox', { name: 'Pasos' })
          .getByRole('option', { name: /paso-nuevo/ })
          .click();
        await page.getByRole('button', { name: 'Bajar el paso paso-nuevo' }).click();
        await expect(page.getByRole('listbox', { name: 'Pasos' }).getByRole('option').nth(2)).toContainText('paso-nuevo');
        page.once('dialog', (dialog) => void dialog.accept());
        await page.getByRole('button', { name: 'Quitar el paso paso-nuevo' }).click();
        await expect.poll(() => yamlText(page)).not.toMatch(/- id: paso-nuevo/);
        // The first step still points at it: the checker catches the dangling link at once.
        await expect(page.locator('#editor-problems')).toContainText('paso-nuevo');
        await expect(page.getByRole('listbox', { name: 'Pasos' }).getByRole('option', { name: /^1\. bienvenida.*⚠/ })).toBeVisible();
      },
      { timeout: stepTimeout },
    );

    await test.step(
      'a broken edit is shown at its line and on its field, and cannot be published',
      async () => {
        await reopenEditor(page);
        // The first step's `next` points at a step that does not exist.
        await openYaml(page);
        const source = await yamlText(page);
        const broken = source.replace('next: lo-necesita', 'next: no-existe');
        const line = broken.split('\n').findIndex((text) => text.includes('next: no-existe')) + 1;
        await setYamlText(page, broken);
        const problems = page.locator('#editor-problems');
        await expect(problems).toContainText(`Línea ${line}`);
        await expect(problems).toContainText('no-existe');
        // With the pane closed, choosing the problem in the list opens it at the problem's place.
        await yamlDisclosure(page).click();
        await expect(yamlEditor(page)).toHaveCount(0);
        await problems.getByRole('button', { name: new RegExp(`^Línea ${line}`) }).click();
        await expect(yamlEditor(page)).toBeFocused({ timeout: 15_000 });
        expect(await yamlSelection(page)).toEqual({ line: '    next: ', text: 'no-existe' });
        // There the line is marked: a lint mark on its text and one in the gutter.
        const markedLine = page.locator('.cm-line', { hasText: 'next: no-existe' });
        await expect(markedLine.locator('.cm-lintRange-error')).toBeVisible();
        const lineBox = await markedLine.boundingBox();
        const markerTops = await page
          .locator('.cm-gutter-lint .cm-lint-marker-error')
          .evaluateAll((markers) => markers.map((marker) => marker.getBoundingClientRect().top));
        expect(markerTops.some((top) => lineBox !== null && top >= lineBox.y - 1 && top < lineBox.y + lineBox.height)).toBe(true);
        // On the form: the step's "next" field is marked and says why.
        const next = page.getByLabel('Paso siguiente');
        await expect(next).toHaveAttribute('aria-invalid', 'true');
        await expect(page.locator('.step-card .field-problems')).toContainText('no-existe');
        await page.getByLabel('Qué ha cambiado (una línea, obligatorio)').fill('Un cambio roto');
        await expect(page.getByRole('button', { name: 'Publicar la versión 2' })).toBeDisabled();
        await expect(page.getByText('No se puede publicar: corrija antes los problemas de la lista.')).toBeVisible();
        // Broken YAML itself freezes the form until it is fixed.
        await setYamlText(page, `${broken}\n  - [`);
        await expect(page.getByText('El YAML tiene un error, así que el formulario espera.', { exact: false })).toBeVisible();
        await expect(spanishText(page)).toBeDisabled();
        expect(await axeAA(page)).toEqual([]);
        await shoot(page, 'editor-problems');
        // Fixing it in the YAML brings the form back with the text.
        await setYamlText(page, source);
        await expect(spanishText(page)).toBeEnabled();
        await expect(next).not.toHaveAttribute('aria-invalid', 'true');

        // A script last checked long ago goes to the top of the list, marked in words, with its owner.
        await page.getByText('El trámite', { exact: true }).click();
        await page.getByLabel('Última comprobación (AAAA-MM-DD)').fill('2020-01-02');
        await page.getByLabel('Responsable (cuenta del personal)').selectOption({ label: demoAccounts.staff.name });
        await page.getByRole('button', { name: 'Guardar borrador' }).click();
        // The focus goes to the outcome, not to <body> (the button is disabled once saved).
        await expect(page.getByRole('status').filter({ hasText: 'Borrador guardado.' })).toBeFocused();
        await page.getByRole('link', { name: 'Volver a los trámites' }).click();
        const first = page.locator('tbody tr').first();
        await expect(first).toHaveAttribute('data-procedure', procedureId);
        await expect(first).toContainText('Hace más de 180 días');
        await expect(first).toContainText('Borrador (publicado v1)');
        await expect(first).toContainText(demoAccounts.staff.name);
        await shoot(page, 'procedures-stale');
      },
      { timeout: stepTimeout },
    );
  });

  test('history shows the change as + and − lines, and rollback brings the old text back, on the kiosk too', async ({ page, browser, hub }) => {
    await signIn(page);
    await openEditor(page);
    await spanishText(page).fill('Un texto que luego quitaremos.');
    await page.getByLabel('Qué ha cambiado (una línea, obligatorio)').fill('Prueba de texto');
    await page.getByRole('button', { name: 'Publicar la versión 2' }).click();
    await expect(page.getByText('La versión 2 está publicada.', { exact: false })).toBeVisible();

    await page.getByRole('button', { name: 'Comparar con la versión anterior' }).click();
    const diff = page.locator('.diff');
    await expect(diff.locator('tr.diff-added')).toContainText('+');
    await expect(diff.locator('tr.diff-added')).toContainText('Un texto que luego quitaremos.');
    await expect(diff.locator('tr.diff-removed')).toContainText('−');
    await expect(diff.locator('tr.diff-removed')).toContainText(firstStepText);
    expect(await axeAA(page)).toEqual([]);
    await shoot(page, 'history');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Volver a la versión 1' }).click();
    await expect(page.getByText('El texto de la versión 1 está publicado de nuevo como versión 3.')).toBeVisible();
    await expect(spanishText(page)).toHaveValue(firstStepText);
    await expect.poll(() => shownText(preview(page))).toBe(firstStepText);

    // A kiosk opened now shows the old words again and speaks them from the build's own file.
    const kiosk = await (await browser.newContext({ baseURL: hub.url })).newPage();
    await recordSpeech(kiosk);
    await kiosk.goto(kioskUrl);
    await kioskToFirstStep(kiosk, false);
    await expect.poll(() => shownText(kiosk)).toBe(firstStepText);
    const built = builtAudio?.prompts[`proc/${procedureId}/steps/bienvenida/text`]?.['es'];
    expect(built?.text).toBe(firstStepText);
    await expect.poll(() => playedUrls(kiosk), { timeout: 20_000 }).toContain(`/audio/${built?.speeds.slow.ogg ?? ''}`);
  });

  test('a save made by someone else in between is refused, named, and the text stays in the editor', async ({ page, hub }) => {
    await signIn(page);
    await openEditor(page);
    // Another member of staff saves a draft of the same procedure after this editor loaded it.
    const admin = await staffToken(hub.url, demoAccounts.staff.email, demoAccounts.staff.password);
    const created = await fetch(hub.url + apiRoutes.staffAccounts.path, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'marta@example.org', name: 'Marta Ruiz', password: 'una-contraseña-larga' }),
    });
    expect(created.status).toBe(201);
    const marta = await staffToken(hub.url, 'marta@example.org', 'una-contraseña-larga');
    const detail = (await (
      await fetch(hub.url + fillPath('staffProcedure', { id: procedureId }), { headers: { authorization: `Bearer ${marta}` } })
    ).json()) as { revision: number; published: { source: string } };
    const saved = await fetch(hub.url + fillPath('staffDraft', { id: procedureId }), {
      method: 'PUT',
      headers: { authorization: `Bearer ${marta}`, 'content-type': 'application/json' },
      body: JSON.stringify({ source: detail.published.source.replace(firstStepText, 'El texto de Marta.'), baseRevision: detail.revision }),
    });
    expect(saved.status).toBe(200);

    const mine = 'Mi texto, que no debe perderse.';
    await spanishText(page).fill(mine);
    await page.getByRole('button', { name: 'Guardar borrador' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Marta Ruiz ha guardado este trámite el ');
    await expect(alert).toContainText('Su texto sigue en el editor');
    await expect(spanishText(page)).toHaveValue(mine);
    await openYaml(page);
    await expect.poll(() => yamlText(page)).toMatch(new RegExp(mine));
    expect(await axeAA(page)).toEqual([]);
    await shoot(page, 'conflict');
    // Loading their version replaces the text, on request only.
    await page.getByRole('button', { name: 'Cargar su versión (su texto se sustituye)' }).click();
    await expect(spanishText(page)).toHaveValue('El texto de Marta.');
  });

  test('fleet, people and analytics, a locked account warned on every page, accounts disabled and deleted, and "Cerrar sesión"', async ({
    page,
    browser,
    hub,
  }) => {
    test.setTimeout(3 * stepTimeout);
    // The demo kiosk is switched on: the fleet shows it online.
    const kiosk = await (await browser.newContext({ baseURL: hub.url })).newPage();
    await kiosk.goto(kioskUrl);
    await expect(kiosk.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
    await signIn(page);
    await test.step(
      'fleet, people and analytics pages: kiosks, a token shown once, volunteers, the funnel',
      async () => {
        await page.getByRole('link', { name: 'Kioscos' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Kioscos' })).toBeVisible();
        const row = page.locator(`tr[data-kiosk="${demoAccounts.kiosk.id}"]`);
        await expect(row).toContainText(demoAccounts.kiosk.name);
        await expect(row).toContainText('Conectado');
        expect(await axeAA(page)).toEqual([]);
        await shoot(page, 'fleet');

        await page.getByRole('link', { name: 'Personas' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Personas' })).toBeVisible();
        await page.getByLabel('Nombre del kiosco nuevo').fill('Kiosco 2');
        await page.getByRole('button', { name: 'Añadir un kiosco y emitir su clave' }).click();
        const token = page.getByLabel('Clave de dispositivo');
        await expect(token).toHaveValue(/^[A-Za-z0-9_-]{32,}$/);
        await expect(page.getByRole('row', { name: /Kiosco 2/ })).toBeVisible();
        expect(await axeAA(page)).toEqual([]);
        await shoot(page, 'people');
        await page.getByRole('button', { name: 'Ya la he copiado' }).click();
        await expect(token).toHaveCount(0);

        await page.getByLabel('PIN nuevo para Ana').fill('9876');
        await page.getByRole('button', { name: 'Poner el PIN' }).first().click();
        await expect(page.getByText('El PIN nuevo de Ana está puesto.')).toBeVisible();

        await page.getByRole('link', { name: 'Analítica' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Analítica' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 2, name: /Embudo/ })).toBeVisible();
        await page.getByLabel('Trámite', { exact: true }).selectOption({ label: 'Certificado de empadronamiento' });
        await expect(page.getByRole('img', { name: 'Sesiones que llegaron a cada paso' })).toBeVisible();
        const funnel = page.getByRole('table', { name: /Por paso/ });
        const asked = funnel.getByRole('row', { name: /^¿Se lo han pedido\?/ });
        const cells = async (): Promise<number[]> => (await asked.getByRole('cell').allTextContents()).map(Number);
        const before = await cells();
        // A senior's anonymous session at the demo kiosk reaches that step and calls for help there.
        const sessionId = `e2e-staff-${Date.now()}`;
        const events = [
          { sessionId, type: 'procedure-started', procedureId },
          { sessionId, type: 'step-reached', procedureId, stepId: 'bienvenida' },
          { sessionId, type: 'step-reached', procedureId, stepId: 'lo-necesita' },
          { sessionId, type: 'help-called', procedureId, stepId: 'lo-necesita' },
        ];
        const sent = await fetch(hub.url + apiRoutes.kioskEvents.path, {
          method: 'POST',
          headers: { authorization: `Bearer ${demoAccounts.kioskToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        expect(sent.ok).toBe(true);
        await page.getByRole('button', { name: 'Mostrar' }).click();
        await page.getByLabel('Trámite', { exact: true }).selectOption({ label: 'Certificado de empadronamiento' });
        await expect.poll(cells).toEqual([(before[0] ?? 0) + 1, (before[1] ?? 0) + 1, before[2], before[3]]);
        expect(await axeAA(page)).toEqual([]);
        await shoot(page, 'analytics');
      },
      { timeout: stepTimeout },
    );

    await test.step(
      'five wrong PINs lock Ana: every page then warns staff, names her, and leads to the audit page',
      async () => {
        await expect(page.getByRole('region', { name: 'Cuentas bloqueadas' })).toHaveCount(0);
        // The attack, as a script would run it: wrong PINs for a real name until the account locks.
        for (let attempt = 0; attempt < 5; attempt++) {
          await fetch(hub.url + apiRoutes.volunteerLogin.path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ siteId: demoAccounts.site.id, name: 'Ana', pin: String(9000 + attempt) }),
          });
        }
        // Opening another page asks the hub again (as the minute's timer would).
        await page.getByRole('link', { name: 'Kioscos' }).click();
        const alert = page.getByRole('region', { name: 'Cuentas bloqueadas' });
        await expect(alert).toContainText('Atención: 1 cuenta bloqueada en las últimas 24 horas por PIN o contraseña erróneos (alguien puede estar probando).');
        await expect(alert).toContainText(/Ana \((ahora mismo|hace 1 min)\)\./);
        expect(await axeAA(page)).toEqual([]);
        await page.screenshot({ path: 'test-results/staff-security-alert.png' });
        await alert.getByRole('link', { name: 'Ver los bloqueos en el registro de cambios' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Registro de cambios' })).toBeVisible();
        await expect(page.getByText('Bloqueó una cuenta tras cinco PIN o contraseñas erróneos (alguien puede estar probando)').first()).toBeVisible();
        await expect(alert).toBeVisible();
      },
      { timeout: stepTimeout },
    );

    await test.step(
      'people page: a volunteer and a staff account disabled and deleted after a question, and "Cerrar sesión" ends the session on the hub',
      async () => {
        const staff = await staffToken(hub.url, demoAccounts.staff.email, demoAccounts.staff.password);
        const post = (route: string, body: unknown) =>
          fetch(hub.url + route, {
            method: 'POST',
            headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        expect(
          (await post(apiRoutes.createVolunteer.path, { name: 'Marta Baja', pin: '5555', siteIds: [demoAccounts.site.id], languages: ['es'] })).status,
        ).toBe(201);
        expect(
          (await post(apiRoutes.createStaffAccount.path, { email: 'carmen@example.org', name: 'Carmen Baja', password: 'una contraseña larga' })).status,
        ).toBe(201);
        const questions: string[] = [];
        let answer = true;
        page.on('dialog', (dialog) => {
          questions.push(dialog.message());
          void (answer ? dialog.accept() : dialog.dismiss());
        });

        await page.getByRole('link', { name: 'Personas' }).click();
        const marta = page.getByRole('listitem', { name: 'Marta Baja' });
        await marta.getByRole('button', { name: 'Desactivar a Marta Baja' }).click();
        await expect(marta.getByRole('heading', { name: /desactivado/ })).toBeVisible();
        expect(questions.at(-1)).toMatch(/^¿Desactivar a Marta Baja\?/);
        const login = await fetch(hub.url + apiRoutes.volunteerLogin.path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ siteId: demoAccounts.site.id, name: 'Marta Baja', pin: '5555' }),
        });
        expect(login.status).toBe(403);
        // Saying no to the question deletes nothing.
        answer = false;
        await marta.getByRole('button', { name: 'Borrar a Marta Baja' }).click();
        expect(questions.at(-1)).toMatch(/^¿Borrar a Marta Baja\? No se puede deshacer/);
        await expect(marta).toBeVisible();
        answer = true;
        await marta.getByRole('button', { name: 'Borrar a Marta Baja' }).click();
        await expect(marta).toHaveCount(0);

        const carmen = page.getByRole('row', { name: /Carmen Baja/ });
        await carmen.getByRole('button', { name: 'Desactivar la cuenta de Carmen Baja' }).click();
        await expect(carmen).toContainText('desactivada');
        await expect(page.getByRole('row', { name: /Staff \(demo\)/ })).toContainText('Su cuenta');
        expect(await axeAA(page)).toEqual([]);
        await page.screenshot({ path: 'test-results/staff-people-accounts.png', fullPage: true });
        await carmen.getByRole('button', { name: 'Borrar la cuenta de Carmen Baja' }).click();
        expect(questions.at(-1)).toMatch(/^¿Borrar la cuenta de Carmen Baja\?/);
        await expect(carmen).toHaveCount(0);

        const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('paso-a-paso.staff.session') ?? '{}') as { token?: string }).token);
        await page.getByRole('button', { name: 'Cerrar sesión' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Entrada del personal' })).toBeVisible();
        const me = await fetch(hub.url + apiRoutes.staffMe.path, { headers: { authorization: `Bearer ${token ?? ''}` } });
        expect(me.status).toBe(401);
      },
      { timeout: stepTimeout },
    );
  });
});
