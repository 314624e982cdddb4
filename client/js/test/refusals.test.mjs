// Refused handshakes under Node (its WebSocket hides the HTTP status, as browsers' do): kalisocket.js asks the
// server for the answer (docs/SECURITY.md, "Refused handshakes"). The browser suite has the same in Chromium.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import KaliSocket from '../kalisocket.mjs';
import { ServerProcess } from './server.mjs';

const servers = [];
after(async () => { await Promise.all(servers.map((s) => s.stop())); });

async function start(args) {
  const server = await ServerProcess.start(args, { readyWhen: 'http' });
  servers.push(server);
  return server;
}

test('a wrong path is reported as 404 and not retried', async () => {
  const server = await start([]);
  const ks = new KaliSocket(server.url + 'nowhere', { backoffMin: 50, backoffMax: 200 });
  const events = [];
  ks.on('refused', (e) => events.push(['refused', e.status, e.final]));
  ks.on('reconnecting', () => events.push(['reconnecting']));
  await assert.rejects(ks.ready, (e) => e.status === 404 && e.reason === 'no WebSocket endpoint at /nowhere');
  await new Promise((r) => setTimeout(r, 500)); // room for 50-200 ms retries, had there been any
  assert.deepEqual(events, [['refused', 404, true]]);
  assert.equal(ks.state, 'closed');
});

test("docs/CLIENTS.md's refused sample reports the status and reason (Node sends no Origin: 403)", async () => {
  const server = await start(['--set', 'http.allowed-origins=https://chat.example.com']);
  const doc = readFileSync(new URL('../../../docs/CLIENTS.md', import.meta.url), 'utf8');
  const sample = doc.split('```js').map((b) => b.split('```')[0]).find((b) => b.includes("ks.on('refused'"));
  assert.ok(sample, 'the sample is in docs/CLIENTS.md');
  const shown = [];
  const run = new Function('KaliSocket', 'url', 'token', 'showError', 'console',
    `return (async () => { ${sample} })();`);
  await run(KaliSocket, server.url, 't1', (status, reason) => shown.push([status, reason]), { log() {} });
  assert.deepEqual(shown, [[403, 'origin not allowed']]);
});
