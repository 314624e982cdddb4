// The demo's chat page, driven as a user drives it: log in with a name, join a room, type, read. Shared by the
// browser suites; each waits for what the page shows, never for a fixed time.
import { WAIT } from './chromium.mjs';

/**
 * Opens the page in its own browser context (its own storage) and logs in as `name`; resolves once the chat shows
 * and its WebSocket is open. `ws` is the WebSocket URL the page connects to (the page's `?ws=` parameter), e.g. a
 * proxy's; `watch(page)` runs before the page loads, to listen to its requests or sockets.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} http the demo's http:// base URL
 * @param {string} name the name typed into the login form
 * @param {{ws?: string, watch?: (page: import('playwright-core').Page) => void}} [options]
 */
export async function openChat(browser, http, name, { ws, watch } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 640 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${name}] page error:`, e));
  watch?.(page);
  await page.goto(ws ? `${http}?ws=${encodeURIComponent(ws)}` : http);
  await page.fill('#name', name);
  await page.click('#login-form button');
  await page.locator('#chat').waitFor({ state: 'visible', ...WAIT });
  await page.locator('#state[data-state="open"]').waitFor(WAIT);
  return page;
}

/** Joins `room` and waits until the page shows it as the current room. */
export async function join(page, room) {
  await page.fill('#room-name', room);
  await page.click('#join-form button');
  await page.locator(`#rooms li.current[data-room="${room}"]`).waitFor(WAIT);
}

/** Types `text` into the message box and sends it with Enter. */
export async function type(page, text) {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
}

/** Waits until `page` shows a message from `from` with exactly `text`, and returns how many it shows. */
export async function seen(page, from, text) {
  const items = page.locator(`#messages li[data-from="${from}"]`).filter({ has: page.locator('.text', { hasText: text }) });
  await items.first().waitFor(WAIT);
  return items.count();
}

/** Waits until the current room's member count shows `n`. */
export async function membersCount(page, n) {
  await page.locator(`#members[data-count="${n}"]`).waitFor(WAIT);
}
