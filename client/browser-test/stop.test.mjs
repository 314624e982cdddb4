// The graceful stop with the demo's page open in Chromium: it ends when the last page has closed its WebSocket,
// not at the end of shutdown.grace. Chromium keeps the HTTP connection of the page load open (keep-alive); the
// drain used to wait for it until the handshake timeout or the grace, though every WebSocket had closed at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, WAIT } from './chromium.mjs';
import { openChat } from './chatpage.mjs';
import { ServerProcess } from '../js/test/server.mjs';

// Grace and handshake timeout far above the bound: a stop that waited for either could not end within it.
const SLOW = ['--set', 'shutdown.grace=60s', '--set', 'limits.handshake-timeout=60s'];
const BOUND_MS = 20000; // a bound on the stop, not a speed claim
const PAGES = 3;

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** Resolves with the stop's outcome, or with 'still stopping' once the bound has passed. */
function stopWithin(server, ms) {
  let timer;
  const bound = new Promise((resolve) => { timer = setTimeout(() => resolve('still stopping'), ms); });
  return Promise.race([server.stop().then(() => 'stopped'), bound]).finally(() => clearTimeout(timer));
}

test(`a graceful stop with ${PAGES} pages open ends when they have closed, not at the end of the grace`, async () => {
  const server = await ServerProcess.start(SLOW);
  const pages = [];
  try {
    for (let i = 0; i < PAGES; i++) pages.push(await openChat(browser, server.http, `stop${i}`));
    const child = server.child;
    after(() => child.kill('SIGKILL')); // only if the stop did not end within the bound: no process outlives the test

    assert.equal(await stopWithin(server, BOUND_MS), 'stopped', server.log);
    for (const page of pages) await page.locator('#state[data-state="reconnecting"]').waitFor(WAIT);
    assert.match(server.log, /KaliSocket stopped/);
    assert.doesNotMatch(server.log, /drain deadline passed/);
  } finally {
    await server.stop();
    for (const page of pages) await page.context().close();
  }
});
