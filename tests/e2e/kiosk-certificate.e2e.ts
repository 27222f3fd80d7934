/**
 * The workshop's certificate of participation (issue 18) in Chromium, alone: the component with
 * the kiosk's styles and strings, served by Vite from tests/renderer/kiosk/certificate-page (no
 * hub and no build needed). In print media only the certificate is left; it fits one A4 portrait
 * page, black on white, no text under 24 pt; a name only when one was typed; Arabic mirrored.
 * Each print is also kept as a PNG in /tmp to look at.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';

const repository = path.resolve(import.meta.dirname, '../..');
const pageFolder = path.join(repository, 'tests/renderer/kiosk/certificate-page');
const shots = '/tmp/paso-certificate';

// What an A4 sheet prints on, at the CSS 96 px per inch: 210 × 297 mm less kiosk.css's 15 mm @page
// margins, 180 × 267 mm. The PNGs are this area, as the printer lays it out.
const printArea = { width: 680, height: 1009 };
// 24 pt in CSS pixels.
const smallestPrintPx = 32;

const lessons = ['¿Este SMS es de verdad?', 'Su PIN de Cl@ve no se lo dice a nadie, tampoco a un voluntario', '¿Estoy en la web del Ayuntamiento?'];

let server: ViteDevServer;
let origin = '';
let viteCache = '';

test.beforeAll(async () => {
  // Its own cache of pre-bundled dependencies, so it never meets another Vite's in node_modules/.vite.
  viteCache = await mkdtemp(path.join(tmpdir(), 'paso-certificate-vite-'));
  server = await createServer({
    configFile: false,
    root: pageFolder,
    cacheDir: viteCache,
    logLevel: 'error',
    plugins: [react()],
    server: { host: '127.0.0.1', port: 0, fs: { allow: [repository] } },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the certificate page has no port');
  origin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(async () => {
  await server?.close();
  if (viteCache) await rm(viteCache, { recursive: true, force: true });
});

/** Opens the certificate page with these props. */
async function openCertificate(
  page: Page,
  props: { lang: string; name?: string; lessons: string[]; centre: string; date: string; contrast?: boolean },
): Promise<void> {
  const query = new URLSearchParams({ lang: props.lang, centre: props.centre, date: props.date });
  if (props.name !== undefined) query.set('name', props.name);
  if (props.contrast) query.set('contrast', '1');
  for (const lesson of props.lessons) query.append('lesson', lesson);
  await page.goto(`${origin}/index.html?${query.toString()}`);
  await expect(page.locator('[data-participation-certificate]')).toBeVisible();
}

/** A line's text as read, without the invisible marks that keep a name or date in its own direction. */
function readText(line: Locator): Promise<string> {
  return line.evaluate((element) => (element.textContent ?? '').replace(/[\u2066-\u2069]/g, ''));
}

/** How many pages the page prints on A4 (Chromium's own PDF, with the page's @page margins). */
async function printedPages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true })).toString('latin1');
  return pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

/** The smallest font size of any text on the page that is shown, in CSS px, with the text it is on. */
async function smallestText(page: Page): Promise<{ size: number; text: string }> {
  return page.evaluate(() => {
    let smallest = { size: Number.POSITIVE_INFINITY, text: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim() || element.getClientRects().length === 0) continue;
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text: node.textContent.trim() };
    }
    return smallest;
  });
}

/** Emulates paper and keeps a PNG of the A4 sheet's printed area as it prints, to look at. */
async function printShot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(printArea);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test.describe('the certificate of participation', () => {
  test('in Spanish with a typed name: on screen as a card, on paper alone on one A4 page, large and black on white', async ({ page }) => {
    await openCertificate(page, { lang: 'es', name: 'Ana', lessons, centre: 'Centro de Mayores Usera', date: '2026-12-06' });
    const certificate = page.locator('[data-participation-certificate]');
    await expect(certificate).toHaveAttribute('lang', 'es');
    await expect(certificate.locator('.certificate-title')).toHaveText('Certificado de participación');
    await expect(certificate.locator('.certificate-name')).toHaveText('Ana');
    await expect(certificate.locator('.certificate-lessons li')).toHaveText(lessons);
    expect(await readText(certificate.locator('.certificate-centre'))).toBe('Centro: Centro de Mayores Usera');
    expect(await readText(certificate.locator('.certificate-date'))).toBe('Fecha: 6 de diciembre de 2026');
    // On screen it is part of the end of the workshop, beside the screen's own heading.
    await expect(page.locator('[data-screen-only]')).toBeVisible();
    expect((await smallestText(page)).size).toBeGreaterThanOrEqual(28);
    await page.screenshot({ path: `${shots}/certificate-es-screen.png`, fullPage: true });

    await printShot(page, 'certificate-es-print');
    await expect(page.locator('[data-screen-only]')).toBeHidden();
    const smallest = await smallestText(page);
    expect(smallest.size, smallest.text).toBeGreaterThanOrEqual(smallestPrintPx);
    const sizes = await certificate.evaluate((section) => {
      const size = (selector: string) => Number.parseFloat(getComputedStyle(section.querySelector(selector) as Element).fontSize);
      return { title: size('.certificate-title'), body: size('.certificate-intro'), name: size('.certificate-name') };
    });
    expect(sizes.title).toBeGreaterThan(sizes.body);
    expect(sizes.name).toBeGreaterThan(sizes.body);
    const colours = await certificate
      .locator('.certificate-intro')
      .evaluate((p) => ({ color: getComputedStyle(p).color, frame: getComputedStyle(p.parentElement as Element).backgroundColor }));
    expect(colours).toEqual({ color: 'rgb(0, 0, 0)', frame: 'rgb(255, 255, 255)' });
    // Portrait A4, one sheet: the frame fills it and nothing runs onto a second one.
    expect(await printedPages(page)).toBe(1);
  });

  test('without a name has no name line, and in English', async ({ page }) => {
    await openCertificate(page, { lang: 'en', lessons: lessons.slice(0, 1), centre: 'Centro de Mayores Usera', date: '2027-01-05' });
    const certificate = page.locator('[data-participation-certificate]');
    await expect(certificate.locator('.certificate-title')).toHaveText('Certificate of participation');
    await expect(certificate.locator('.certificate-name')).toHaveCount(0);
    expect(await readText(certificate.locator('.certificate-date'))).toBe('Date: 5 January 2027');
    await printShot(page, 'certificate-en-print');
    expect(await printedPages(page)).toBe(1);
  });

  test('in Arabic: mirrored, the date in Arabic, a Spanish lesson title read left to right, in the high-contrast theme still black on white on paper', async ({
    page,
  }) => {
    await openCertificate(page, {
      lang: 'ar',
      name: 'فاطمة',
      lessons: lessons.map((lesson) => `es:${lesson}`),
      centre: 'Centro de Mayores Usera',
      date: '2026-12-06',
      contrast: true,
    });
    const certificate = page.locator('[data-participation-certificate]');
    await expect(certificate).toHaveAttribute('dir', 'rtl');
    expect(await readText(certificate.locator('.certificate-date'))).toBe('التاريخ: 6 ديسمبر 2026');
    expect(await readText(certificate.locator('.certificate-centre'))).toBe('المركز: Centro de Mayores Usera');
    await expect(certificate.locator('.certificate-lessons li').first()).toHaveAttribute('lang', 'es');
    expect(
      await certificate
        .locator('.certificate-lessons li')
        .first()
        .evaluate((li) => getComputedStyle(li).direction),
    ).toBe('ltr');
    await printShot(page, 'certificate-ar-print');
    expect(await certificate.locator('.certificate-intro').evaluate((p) => getComputedStyle(p).color)).toBe('rgb(0, 0, 0)');
    expect(await printedPages(page)).toBe(1);
  });

  test('three lessons with a long name and a long centre name, about the most the roomy layout takes, print on one A4 page', async ({ page }) => {
    await openCertificate(page, {
      lang: 'es',
      name: 'María de los Ángeles Fernández',
      lessons,
      centre: 'Centro Municipal de Mayores Casa de Campo',
      date: '2026-12-06',
    });
    await expect(page.locator('[data-participation-certificate]')).toHaveAttribute('data-layout', 'roomy');
    await printShot(page, 'certificate-es-roomy-long-print');
    expect(await printedPages(page)).toBe(1);
  });

  test('six lessons with a long name still print on one A4 page, no text under 24 pt', async ({ page }) => {
    const six = [
      ...lessons,
      'Practicar con el código de Cl@ve',
      'Practicar: pedir, cambiar o anular una cita previa',
      'Practicar: el certificado de empadronamiento',
    ];
    await openCertificate(page, {
      lang: 'es',
      name: 'María de los Ángeles Fernández',
      lessons: six,
      centre: 'Centro Municipal de Mayores Casa de Campo',
      date: '2026-12-06',
    });
    await printShot(page, 'certificate-es-six-print');
    const smallest = await smallestText(page);
    expect(smallest.size, smallest.text).toBeGreaterThanOrEqual(smallestPrintPx);
    expect(await printedPages(page)).toBe(1);
  });
});
