// Refused handshakes in a real Chromium (kalisocket.js against the demo jar): a browser hides the HTTP status of a
// refused WebSocket upgrade, so kalisocket.js asks the server for it (docs/SECURITY.md, "Refused handshakes").
// A final refusal (401, 403, 404) rejects `ready` with its status and reason and is never retried; a 503 (or 429)
// is retried with back-off until it passes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './chromium.mjs';
import { ServerProcess, until } from '../js/test/server.mjs';

const SECRET = 'refusals-test-secret-0123456789abcdef';

let browser;
const servers = [];

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.stop()));
});

async function start(args) {
  const server = await ServerProcess.start(args, { readyWhen: 'http' });
  servers.push(server);
  return server;
}

/** A page of the server's origin with kalisocket.js loaded, and nothing else connecting. */
async function pageOf(server) {
  browser ??= await launchChromium();
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.http + 'style.css');
  await page.addScriptTag({ url: '/kalisocket.js' });
  return page;
}

/**
 * Opens a KaliSocket in the page that records its events; `window.outcome` becomes the settled `ready`.
 * Quick retries (50 ms back-off), so that a retry that should not happen would be seen at once.
 */
async function connect(page, url) {
  await page.evaluate((url) => {
    window.events = [];
    const ks = new KaliSocket(url, { backoffMin: 50, backoffMax: 200 });
    window.ks = ks;
    for (const type of ['refused', 'reconnecting', 'open', 'close']) ks.on(type, (e) => window.events.push({ type, ...e }));
    ks.ready.then(() => { window.outcome = { ok: true }; },
      (e) => { window.outcome = { ok: false, status: e.status, reason: e.reason, code: e.code }; });
  }, url);
  return until(() => page.evaluate(() => window.outcome), 30000, 'ready to settle');
}

/** A final refusal: reported once, `ready` rejected with it, no reconnect, closed. */
async function assertFinal(page, outcome, status) {
  assert.equal(outcome.ok, false);
  assert.equal(outcome.status, status);
  // Time for several 50-200 ms retries, had there been any.
  await new Promise((r) => setTimeout(r, 1000));
  const events = await page.evaluate(() => window.events);
  assert.deepEqual(events.filter((e) => e.type === 'refused').map((e) => [e.status, e.final]), [[status, true]]);
  assert.equal(events.filter((e) => e.type === 'reconnecting').length, 0, 'no retry: ' + JSON.stringify(events));
  assert.equal(await page.evaluate(() => window.ks.state), 'closed');
}

test('a 401 (no token while auth is on) is reported with its reason and not retried', async (t) => {
  let server;
  try {
    server = await start(['--set', `auth.jwt.secret=${SECRET}`]);
  } catch (e) {
    if (/auth\.jwt\.secret/.test(String(e.message))) return t.skip('this demo has no auth.jwt.* yet');
    throw e;
  }
  const page = await pageOf(server);
  const outcome = await connect(page, server.url);
  await assertFinal(page, outcome, 401);
  assert.ok(outcome.reason.length > 0, 'a reason: ' + JSON.stringify(outcome));
});

test('a 403 (an Origin not allowed) is reported with its reason and not retried', async () => {
  const server = await start(['--set', 'http.allowed-origins=https://elsewhere.example']);
  const page = await pageOf(server);
  const outcome = await connect(page, server.url);
  await assertFinal(page, outcome, 403);
  assert.equal(outcome.reason, 'origin not allowed');
});

test('a 404 (no WebSocket at that path) is reported and not retried', async () => {
  const server = await start([]);
  const page = await pageOf(server);
  const outcome = await connect(page, server.url + 'nowhere');
  await assertFinal(page, outcome, 404);
});

test('a 503 (the server is full) is retried with back-off until it passes', async () => {
  const server = await start(['--set', 'limits.max-connections=1']);
  const holder = new WebSocket(server.url); // the one connection the server takes
  await new Promise((resolve, reject) => { holder.onopen = resolve; holder.onerror = reject; });
  const page = await pageOf(server);
  const settled = connect(page, server.url);
  await until(() => page.evaluate(() => window.events.filter((e) => e.type === 'refused').length >= 2), 30000,
    'two refusals');
  holder.close();
  const outcome = await settled;
  assert.equal(outcome.ok, true);
  const events = await page.evaluate(() => window.events);
  const refused = events.filter((e) => e.type === 'refused');
  assert.ok(refused.every((e) => e.status === 503 && e.final === false), JSON.stringify(refused));
  assert.ok(events.filter((e) => e.type === 'reconnecting').length >= refused.length);
  assert.equal(await page.evaluate(() => window.ks.state), 'open');
  await page.evaluate(() => window.ks.close());
});
