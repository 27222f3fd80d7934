/**
 * How the browser tests and the browser benches start Chromium, in one place. Playwright cannot
 * download its own browsers on the project's machines: Debian's Chromium is used where it is
 * installed (npm test installs it), Playwright's own browser elsewhere. This network refuses
 * Chromium's background connections; the flags keep it quiet and fast, and let the kiosk speak
 * without a first gesture.
 */
import { existsSync } from 'node:fs';

const debianChromium = '/usr/bin/chromium';

/** Launch options for `chromium.launch` and Playwright's `use.launchOptions`. */
export const chromiumLaunchOptions: { executablePath?: string; args: string[] } = {
  ...(existsSync(debianChromium) ? { executablePath: debianChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
  ],
};
