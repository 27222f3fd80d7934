/**
 * The hub's security headers (issue 15) do not break the UIs: each page arrives with the
 * Content-Security-Policy, frame-ancestors and nosniff, draws itself, and the browser reports no
 * violation of the policy; the kiosk also opens its WebSocket under it.
 */
import { expect, test } from './fixtures/hub.js';
import { toCatalogue } from './support/kiosk-screens.js';

// Collected in the page from its first script on, before the UI's own bundles run.
const collectViolations = (): void => {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
};

for (const ui of ['kiosk', 'volunteer', 'staff'] as const) {
  test(`the ${ui} page loads under the hub's Content-Security-Policy with no violation`, async ({ page }) => {
    await page.addInitScript(collectViolations);
    const consoleRefusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleRefusals.push(message.text());
    });
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname));
    const documents: Record<string, string>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document') documents.push(response.headers());
    });
    if (ui === 'kiosk') await toCatalogue(page);
    else await page.goto(`/${ui}/`);
    await expect(page.locator('#root > *').first()).toBeVisible();
    expect(documents.length).toBeGreaterThan(0);
    for (const headers of documents) {
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
    }
    await page.waitForLoadState('networkidle');
    if (ui === 'kiosk') expect(sockets).toEqual(['/ws']);
    // Not even zod's probe for `new Function` (renderer/ui/zod-without-eval.ts turns it off).
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual([]);
    expect(consoleRefusals).toEqual([]);
  });
}
