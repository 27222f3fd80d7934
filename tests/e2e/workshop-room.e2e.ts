/**
 * A whole workshop room (issue 18), every screen real: the trainer's volunteer console on a
 * phone-sized page and three kiosk pages, each its own kiosk at the demo site, against one real
 * hub. The kiosks join by the code typed on their on-screen keyboards; each participant's new
 * step reaches the trainer's grid within a second of showing on the kiosk; "Miren todos aquí"
 * brings all three to the trainer's step; a raised hand reaches the trainer and "Ana viene"
 * shows on that kiosk once she answers; pause, then the end; and after it every kiosk is a plain
 * kiosk again with nothing of its participant left (page, storage, hub).
 */
import type { Browser, Page } from '@playwright/test';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import { kioskTokenResponseSchema } from '../../core/protocol/staff-console.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { staffApiAs } from './support/staff-console.js';
import { signIn, volunteers } from './support/volunteer-console.js';
import { placesHolding } from './support/privacy-search.js';
import { toWorkshopCode } from './support/workshop-kiosks.js';

const lesson = { id: 'leccion-sms-falso', title: '¿Este SMS es de verdad?' };
const names = ['Maruja', 'Paco', 'Carmen'] as const;

/** Three kiosk pages, each with its own device token (the demo kiosk and two new ones at its site). */
async function kioskPages(browser: Browser, baseURL: string, hubUrl: string): Promise<Page[]> {
  const api = await staffApiAs(hubUrl);
  const tokens: string[] = [demoAccounts.kioskToken];
  for (const number of [2, 3]) {
    const created = await api.send('POST', apiRoutes.createKiosk.path, { siteId: demoAccounts.site.id, name: `Kiosco ${number} (aula)`, location: 'Aula' });
    expect(created.status).toBe(201);
    tokens.push(kioskTokenResponseSchema.parse(created.body).deviceToken);
  }
  const pages: Page[] = [];
  for (const token of tokens) {
    const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    // When the kiosk's screen showed each step (by the page's own clock), for the grid's timing.
    await page.addInitScript(() => {
      const shown: Record<string, number> = {};
      Object.assign(window, { stepsShown: shown });
      new MutationObserver(() => {
        const id = document.querySelector('main[data-step-id]')?.getAttribute('data-step-id');
        if (id && shown[id] === undefined) shown[id] = Date.now();
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step-id'] });
    });
    await page.goto(`/kiosk/#token=${encodeURIComponent(token)}&settle=0`);
    pages.push(page);
  }
  return pages;
}

/** Records, in the trainer's page, when each seat card first showed a text (by the page's own clock). */
async function watchGrid(trainer: Page): Promise<void> {
  await trainer.evaluate(() => {
    const seen: Record<string, number> = {};
    Object.assign(window, { gridSeen: seen });
    const look = (): void => {
      for (const card of document.querySelectorAll('.seat-card')) {
        const key = `${card.querySelector('.seat-name')?.textContent ?? ''}|${card.textContent ?? ''}`;
        if (seen[key] === undefined) seen[key] = Date.now();
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    look();
  });
}

/** When the trainer's grid first showed `name`'s card with `text` in it. */
async function gridShowed(trainer: Page, name: string, text: string): Promise<number> {
  return trainer.evaluate(
    ([seat, wanted]) => {
      const seen = (window as unknown as { gridSeen: Record<string, number> }).gridSeen;
      const times = Object.entries(seen)
        .filter(([key]) => key.startsWith(`${seat}|`) && key.includes(wanted))
        .map(([, at]) => at);
      return Math.min(...times);
    },
    [name, text] as const,
  );
}

async function typeOnKeys(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.locator('.keyboard').getByRole('button', { name: digit, exact: true }).click();
}

test('a trainer on a phone and three kiosks: join by code, steps on the grid within 1 s, follow the leader, a raised hand, pause, end, nothing left', async ({
  page: trainer,
  browser,
  baseURL,
  hub,
}) => {
  test.setTimeout(240_000);
  await trainer.setViewportSize({ width: 360, height: 740 });
  const kiosks = await kioskPages(browser, baseURL ?? hub.url, hub.url);
  try {
    // The trainer starts a workshop with the SMS lesson and reads out the code.
    await signIn(trainer, volunteers.ana);
    await trainer.getByRole('button', { name: 'Ir al taller' }).click();
    await trainer.getByRole('checkbox', { name: lesson.title }).click();
    await trainer.getByRole('button', { name: 'Empezar el taller' }).click();
    await expect(trainer.getByRole('heading', { name: 'Taller de Ana' })).toBeVisible();
    const code = ((await trainer.locator('.join-code-digits').textContent()) ?? '').replace(/^.*Código: /, '').replace(/\D/g, '');
    expect(code).toMatch(/^\d{4,6}$/);
    await watchGrid(trainer);

    // Each senior joins on their kiosk: Spanish at 32 px, the code on the on-screen keys, a first name, the lesson.
    for (const [index, kiosk] of kiosks.entries()) {
      const name = names[index] ?? '';
      await toWorkshopCode(kiosk);
      await typeOnKeys(kiosk, code);
      await kiosk.getByRole('button', { name: 'Seguir', exact: true }).click();
      await kiosk.getByLabel('Su nombre').fill(name);
      await kiosk.getByRole('button', { name: 'Seguir', exact: true }).click();
      await expect(kiosk.getByRole('heading', { name: 'Las lecciones del taller' })).toBeVisible();
      await expect(kiosk.locator('.session-bar [data-practice-banner]')).toBeVisible();
      await expect(trainer.getByRole('article', { name, exact: true })).toBeVisible();
    }
    await expect(trainer.getByRole('heading', { name: 'Participantes: 3' })).toBeVisible();

    // Each one opens the lesson; the first goes one step on. The grid shows each step within 1 s.
    for (const [index, kiosk] of kiosks.entries()) {
      const name = names[index] ?? '';
      await kiosk.getByRole('button', { name: new RegExp(lesson.title.replace(/[?¿]/g, '.')) }).click();
      await expect(kiosk.locator('main[data-step-id="bienvenida"]')).toBeVisible();
      await expect(trainer.getByRole('article', { name, exact: true })).toContainText('Paso: Esto es una práctica');
    }
    const [first, second, third] = kiosks;
    if (!first || !second || !third) throw new Error('three kiosks were opened');
    await first.getByRole('button', { name: 'Siguiente', exact: true }).click();
    await expect(first.locator('main[data-step-id="que-buscan"]')).toBeVisible();
    await expect(trainer.getByRole('article', { name: 'Maruja', exact: true })).toContainText('Paso: Qué busca un SMS falso');
    const delays: number[] = [];
    for (const [index, kiosk] of kiosks.entries()) {
      const stepId = index === 0 ? 'que-buscan' : 'bienvenida';
      const title = index === 0 ? 'Qué busca un SMS falso' : 'Esto es una práctica';
      const shown = await kiosk.evaluate((id) => (window as unknown as { stepsShown: Record<string, number> }).stepsShown[id] ?? NaN, stepId);
      delays.push((await gridShowed(trainer, names[index] ?? '', title)) - shown);
    }
    console.info(`kiosk step → trainer's grid: ${delays.map((delay) => `${delay} ms`).join(', ')}`);
    for (const delay of delays) expect(delay).toBeLessThan(1000);

    // "Miren todos aquí": all three kiosks go to the trainer's step, and the grid says so.
    await trainer.getByRole('button', { name: 'Miren todos aquí' }).click();
    await trainer.getByLabel('Lección', { exact: true }).selectOption({ label: lesson.title });
    await trainer.getByLabel('Paso', { exact: true }).selectOption({ label: '3. Un SMS de su banco' });
    await trainer.getByRole('button', { name: 'Llevar a todos a este paso' }).click();
    for (const kiosk of kiosks) await expect(kiosk.locator('main[data-step-id="sms-banco"]')).toBeVisible();
    for (const name of names) await expect(trainer.getByRole('article', { name, exact: true })).toContainText('Paso: Un SMS de su banco');
    await trainer.getByRole('button', { name: 'A su ritmo' }).click();
    await expect(trainer.getByText('Cada persona va a su ritmo.')).toBeVisible();

    // Paco raises his hand: the trainer sees it first on the grid, says "Voy", and his kiosk shows "Ana viene".
    await second.getByRole('button', { name: 'Llamar a un voluntario' }).click();
    await expect(second.locator('[data-workshop-hand="raised"]')).toContainText('Ha levantado la mano.');
    const paco = trainer.getByRole('article', { name: 'Paco', exact: true });
    await expect(paco).toContainText('Levanta la mano');
    await expect(trainer.locator('.seat-name').first()).toHaveText('Paco');
    await paco.getByRole('button', { name: 'Voy' }).click();
    await expect(second.locator('[data-workshop-hand="answered"]')).toContainText('Ana viene');
    expect(await hub.database.db.selectFrom('calls').select(['id']).execute()).toEqual([]);

    // Pause: every screen shows the trainer's words; "Seguir" takes them away.
    await trainer.getByRole('button', { name: 'Pausar a todos' }).click();
    for (const kiosk of kiosks) await expect(kiosk.getByRole('alertdialog', { name: 'Pausa' })).toContainText('Pausa: miren al voluntario');
    await trainer.getByRole('button', { name: 'Seguir' }).click();
    for (const kiosk of kiosks) await expect(kiosk.getByRole('alertdialog', { name: 'Pausa' })).toHaveCount(0);

    // The end: each kiosk says so, offers the certificate, and "Terminar" makes it a plain kiosk again.
    await trainer.getByRole('button', { name: 'Terminar el taller' }).click();
    await trainer.getByRole('button', { name: 'Sí, terminar el taller' }).click();
    await expect(trainer.getByText(/^Taller terminado: 3 participantes/)).toBeVisible();
    for (const [index, kiosk] of kiosks.entries()) {
      await expect(kiosk.getByRole('heading', { name: 'El taller ha terminado' })).toBeVisible();
      await expect(kiosk.locator('[data-participation-certificate]')).toContainText(names[index] ?? '');
      await kiosk.getByRole('button', { name: 'Terminar', exact: true }).click();
      await expect(kiosk.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
      await expect(kiosk.locator('.kiosk-practice')).toHaveCount(0);
      await expect(kiosk.locator('[data-practice-banner]')).toHaveCount(0);
    }

    // Nothing of any participant is left: not in a kiosk's page or storage, not in any row of the hub.
    for (const kiosk of kiosks) {
      expect(await placesHolding(kiosk, names)).toEqual([]);
      expect(await kiosk.context().cookies()).toEqual([]);
    }
    for (const table of ['workshops', 'workshop_participants', 'workshop_answers'] as const) {
      const rows = JSON.stringify(await hub.database.db.selectFrom(table).selectAll().execute());
      for (const name of names) expect(rows, `${table} holds ${name}`).not.toContain(name);
    }
  } finally {
    for (const kiosk of kiosks) await kiosk.context().close();
  }
});
