/**
 * One link per kiosk (issue 14): the kiosk page opens one WebSocket to its hub, says hello on it
 * with what it runs, reports its catalogue version on it once it has the procedures, and its
 * help call's news comes back through that same socket.
 */
import type { WebSocket } from '@playwright/test';
import { expect, test } from './fixtures/hub.js';
import { toCatalogue } from './support/kiosk-screens.js';

test('the kiosk opens one WebSocket to its hub: its hello, its catalogue version and its help call all go through it', async ({ page }) => {
  const sockets: WebSocket[] = [];
  const sent: unknown[] = [];
  const received: unknown[] = [];
  page.on('websocket', (socket) => {
    sockets.push(socket);
    socket.on('framesent', (frame) => sent.push(JSON.parse(String(frame.payload))));
    socket.on('framereceived', (frame) => received.push(JSON.parse(String(frame.payload))));
  });
  await toCatalogue(page);
  await expect.poll(() => sent).toContainEqual({ type: 'kiosk.status', appVersion: 'browser', proceduresVersion: expect.any(Number) as unknown });
  expect(sent[0]).toEqual({ type: 'hello', token: 'demo-kiosk-1-device-token-not-a-secret', appVersion: 'browser' });

  await page.getByRole('button', { name: 'Llamar a un voluntario' }).click();
  await expect(page.getByText(/Usted es el número 1 en la lista/)).toBeVisible();
  expect(received).toContainEqual({
    type: 'kiosk.call',
    call: expect.objectContaining({ state: expect.stringMatching(/waiting|offered/) as unknown }) as unknown,
  });
  await page.getByRole('button', { name: 'Cancelar llamada' }).click();
  await expect(page.getByText(/Usted es el número 1 en la lista/)).toBeHidden();

  expect(sockets.map((socket) => new URL(socket.url()).pathname)).toEqual(['/ws']);
});
