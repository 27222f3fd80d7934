/**
 * Kiosks taking part in a workshop, for the workshop's tests. Without their screens, for the
 * trainer's tests: each is a simulated kiosk (tests/support/simulated-kiosk.ts: its own link over
 * a real socket, its own catalogue catch-up over HTTP) that records every `kiosk.workshop` push it
 * hears, and does what the kiosk page does over the hub's workshop routes (join by code, report
 * its step, raise its hand). With their screens: a kiosk page's way in to the code screen.
 */
import { expect, type Page } from '@playwright/test';
import { apiRoutes } from '../../../core/protocol/api-routes.js';
import { kioskTokenResponseSchema } from '../../../core/protocol/staff-console.js';
import type { KioskWorkshopView, WorkshopProgressRequest } from '../../../core/protocol/workshop.js';
import { demoAccounts } from '../../../hub/demo/seed.js';
import { startSimulatedKiosk, type SimulatedKiosk } from '../../support/simulated-kiosk.js';
import { staffApiAs } from './staff-console.js';
import { reveal } from './fit-scan.js';
import { kioskWords } from './kiosk-locale.js';

/** The language and text size a participant chooses on the way in, as in any session. */
export interface JoinChoices {
  language?: 'es' | 'en' | 'ar';
  size?: 32 | 48 | 64;
  /** Called on each screen of the way in once it shows (a fit scan, a screenshot). */
  visit?: (screen: 'language' | 'comfort') => Promise<void>;
}

/**
 * On a kiosk page's attract screen: "Unirme a un taller", the language, the text size, then
 * "Seguir" (on the comfort screen's last part at a large size) to the code screen.
 */
export async function toWorkshopCode(page: Page, { language = 'es', size = 32, visit }: JoinChoices = {}): Promise<void> {
  await page.getByRole('button', { name: 'Unirme a un taller' }).click();
  await expect(page.getByRole('heading', { name: 'Elija su idioma' })).toBeVisible();
  await visit?.('language');
  const t = kioskWords(language);
  await page.getByRole('button', { name: t('language.name'), exact: true }).click();
  await expect(page.getByRole('heading', { name: t('comfort.heading') })).toBeVisible();
  await page
    .getByRole('group', { name: t('comfort.textSize') })
    .getByRole('button', { name: t(`comfort.size${size}`), exact: true })
    .click();
  await expect(page.locator('.kiosk')).toHaveAttribute('data-text-size', String(size));
  await visit?.('comfort');
  const continueButton = page.getByRole('button', { name: t('comfort.continue'), exact: true });
  await reveal(page, continueButton, t('fit.nextPart'));
  await continueButton.click();
  await expect(page.getByRole('heading', { name: t('workshop.codeHeading') })).toBeVisible();
}

/** Types digits on the kiosk's on-screen keyboard (the join code). */
export async function typeOnKeys(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.locator('.keyboard').getByRole('button', { name: digit, exact: true }).click();
}

/** A kiosk in (or about to join) a workshop. */
export interface WorkshopKiosk {
  readonly kiosk: SimulatedKiosk;
  /** Every `kiosk.workshop` push heard so far, oldest first. */
  readonly heard: readonly (KioskWorkshopView | null)[];
  /** Joins by code; the seat the hub gave. */
  join(code: string, firstName?: string): Promise<number>;
  /** Reports the step it is on. */
  progress(place: WorkshopProgressRequest): Promise<void>;
  /** Raises (or lowers) its hand, as its help button does in PRÁCTICA mode. */
  hand(raised: boolean): Promise<void>;
  /** Resolves with the first push (heard already or still to come) that matches. */
  waitFor(matches: (workshop: KioskWorkshopView | null) => boolean, timeoutMs?: number): Promise<KioskWorkshopView | null>;
  stop(): void;
}

/** Creates `count` kiosks at the demo site (the demo kiosk first, then new ones) and starts each. */
export async function workshopKiosks(hubUrl: string, count: number): Promise<WorkshopKiosk[]> {
  const api = await staffApiAs(hubUrl);
  const tokens: string[] = [demoAccounts.kioskToken];
  for (let index = 2; index <= count; index += 1) {
    const created = await api.send('POST', apiRoutes.createKiosk.path, { siteId: demoAccounts.site.id, name: `Kiosco ${index} (taller)`, location: 'Aula' });
    expect(created.status).toBe(201);
    tokens.push(kioskTokenResponseSchema.parse(created.body).deviceToken);
  }
  return tokens.slice(0, count).map((token) => workshopKiosk(hubUrl, token));
}

function workshopKiosk(hubUrl: string, token: string): WorkshopKiosk {
  const kiosk = startSimulatedKiosk(hubUrl, token);
  const heard: (KioskWorkshopView | null)[] = [];
  const waiters = new Set<() => void>();
  const unsubscribe = kiosk.link.on('kiosk.workshop', (message) => {
    heard.push(message.workshop as KioskWorkshopView | null);
    for (const wake of waiters) wake();
  });
  const send = async (path: string, body: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(hubUrl + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
  return {
    kiosk,
    heard,
    join: async (code, firstName) => {
      const answer = await send(apiRoutes.kioskJoinWorkshop.path, { code, ...(firstName ? { firstName } : {}) });
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
      return (answer.body as { workshop: KioskWorkshopView }).workshop.seat;
    },
    progress: async (place) => {
      const answer = await send(apiRoutes.kioskWorkshopProgress.path, place);
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    },
    hand: async (raised) => {
      const answer = await send(apiRoutes.kioskWorkshopHand.path, { raised });
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    },
    waitFor: (matches, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const wake = (): void => {
          const found = heard.find(matches);
          if (found === undefined) return;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no matching kiosk.workshop in ${timeoutMs} ms; heard ${JSON.stringify(heard)}`));
        }, timeoutMs);
        waiters.add(wake);
        wake();
      }),
    stop: () => {
      unsubscribe();
      kiosk.stop();
    },
  };
}
