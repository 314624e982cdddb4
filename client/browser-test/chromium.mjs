// Debian's Chromium for the browser suites (CHROMIUM_PATH overrides /usr/bin/chromium), headless, with a fresh
// temporary profile (launch() deletes it on close) and none of the background traffic that slows a test.
import { chromium } from 'playwright-core';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** How long a test waits for something the page should show. */
export const WAIT = { timeout: 60000 };

/** @returns {Promise<import('playwright-core').Browser>} a headless Chromium */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
}
