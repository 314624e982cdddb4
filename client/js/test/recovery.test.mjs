// kalisocket.js recovers its connection (docs/RECOVERY.md section 3) against the demo jar (recovery on): the
// network is cut by a TCP proxy the test owns, so no close frame is sent, as when a phone loses its signal.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import KaliSocket from '../kalisocket.mjs';
import { ServerProcess, until } from './server.mjs';
import { TcpProxy } from './proxy.mjs';
import { tapped, next } from './tap.mjs';

const QUICK = { backoffMin: 20, backoffMax: 200 };
const BOUNDED = { timeout: 180000 }; // a broken recovery fails the test instead of waiting for an event forever
const servers = [];
const closing = [];

/** A client that closes after the test file. */
function client(url, options = {}) {
  const ks = new KaliSocket(url, { ...QUICK, ...options });
  closing.push(ks);
  return ks;
}

let shared;

/** The demo server with its default settings and a proxy in front of it, shared by the tests that need no more. */
function plainNetwork() {
  shared ??= network();
  return shared;
}

/** A demo server and a proxy in front of it; the extra args go to the demo jar. */
async function network(args = []) {
  const server = await ServerProcess.start(args);
  const proxy = await TcpProxy.start(server.port);
  servers.push({ server, proxy });
  return { server, proxy };
}

/** Records the pushes the app's handlers get, and the recovery events. */
function app(ks) {
  const seen = { pushes: [], recovered: [], reset: [] };
  for (const type of ['say', 'private']) ks.on(type, (m) => seen.pushes.push(m));
  ks.on('recovered', (e) => seen.recovered.push(e));
  ks.on('reset', (e) => seen.reset.push(e));
  return seen;
}

/** Ann behind the proxy and Bob, both in room r1; resolves once Ann has seen Bob join. */
async function annAndBobInR1(server, proxy, annOptions = {}) {
  const ann = client(proxy.url, { query: { uid: 'ann' }, ...annOptions });
  const seen = app(ann);
  await ann.ready;
  await ann.call('room', 'join', { room: 'r1' });
  const bobJoined = new Promise((resolve) => ann.on('join', (m) => { if (m.uid === 'bob') resolve(); }));
  const bob = client(server.url, { query: { uid: 'bob' } });
  await bob.call('room', 'join', { room: 'r1' });
  await bobJoined;
  return { ann, seen, bob };
}

/** Cuts Ann's network and resolves once her client noticed (a close without a close frame). */
async function cut(ann, proxy) {
  const dropped = next(ann, 'close');
  proxy.cut();
  assert.equal((await dropped).code, 1006);
}

after(async () => {
  closing.forEach((ks) => ks.close());
  for (const { server, proxy } of servers) {
    await proxy.close();
    await server.stop();
  }
});

test('a dropped client gets every missed push once, in order, through its handlers, with the same client id', BOUNDED, async () => {
  const { server, proxy } = await plainNetwork();
  const tap = tapped();
  const { ann, seen, bob } = await annAndBobInR1(server, proxy, { WebSocket: tap.WebSocket });
  // The demo counts arrivals in its once-a-second `presence.count` frame (README, "The demo chat protocol").
  const carlOnline = new Promise((resolve) => ann.on('presence.count', (m) => { if (m.online > 0) resolve(); }));
  const carl = client(server.url, { query: { uid: 'carl' } });
  await carlOnline; // Ann has seen everything pushed to her before the cut
  const firstId = ann.clientId;
  assert.match(firstId, /\S/);
  assert.match(tap.sockets[0].url, /[?&]recover=1(&|$)/);

  await cut(ann, proxy);
  for (let i = 0; i < 50; i++) await bob.call('room', 'say', { room: 'r1', text: 'm' + i });
  for (let i = 0; i < 3; i++) await carl.call('user', 'send', { to: 'ann', text: 'p' + i });
  assert.equal(seen.pushes.length, 0, 'nothing reached Ann while she was away');

  const recovered = next(ann, 'recovered');
  proxy.restore();
  const event = await recovered;
  assert.equal(event.clientId, firstId);
  assert.equal(event.missed, 53);
  assert.equal(ann.clientId, firstId);
  const back = tap.sockets.at(-1).url;
  assert.match(back, /[?&]resume=[^&]+/);
  assert.match(back, /[?&]epoch=[^&]+/);
  assert.match(back, /[?&]last=\d+/);
  assert.match(back, /[?&]uid=ann/);

  await until(() => seen.pushes.length >= 53, 30000, '53 missed pushes');
  await bob.call('room', 'say', { room: 'r1', text: 'live' }); // a barrier: a repeat would come before it
  await until(() => seen.pushes.some((m) => m.text === 'live'), 30000, 'the live push');
  const expected = [...Array.from({ length: 50 }, (_, i) => 'say:m' + i), 'private:p0', 'private:p1', 'private:p2', 'say:live'];
  assert.deepEqual(seen.pushes.map((m) => `${m.type}:${m.text}`), expected);
  assert.ok(seen.pushes.every((m) => !('_seq' in m)), '_seq is stripped');
  assert.deepEqual(seen.reset, []);
  assert.equal(seen.recovered.length, 1);
  const members = await ann.call('room', 'members', { room: 'r1' });
  assert.deepEqual(members.uids, ['ann', 'bob'], 'still in the room, without a resume hook');
});

test('a push already seen is dropped, and a gap in the numbers is reported as a reset', BOUNDED, async () => {
  const { server, proxy } = await plainNetwork();
  const tap = tapped();
  const { ann, seen, bob } = await annAndBobInR1(server, proxy, { WebSocket: tap.WebSocket });
  await bob.call('room', 'say', { room: 'r1', text: 'once' });
  await until(() => seen.pushes.length === 1, 30000, 'the push');
  const numbered = tap.received.filter((f) => f.includes('"once"'));
  assert.equal(numbered.length, 1);
  const seq = JSON.parse(numbered[0])._seq;
  tap.deliver(numbered[0]);
  tap.deliver(JSON.stringify({ _seq: seq + 5, type: 'say', room: 'r1', text: 'after a gap' }));
  assert.deepEqual(seen.pushes.map((m) => m.text), ['once', 'after a gap']);
  assert.deepEqual(seen.reset.map((e) => e.reason), ['gap']);
  ann.close();
});

test('when the server cannot recover (its cap was exceeded), the client gets reset, runs resume, and reloads', BOUNDED, async () => {
  const { server, proxy } = await network(['--set', 'recovery.max-messages=3']);
  let resumed = 0;
  const resume = async (direct) => { resumed++; await direct.call('room', 'join', { room: 'r1' }); };
  const { ann, seen, bob } = await annAndBobInR1(server, proxy, { resume });
  const firstId = ann.clientId;

  await cut(ann, proxy);
  for (let i = 0; i < 5; i++) await bob.call('room', 'say', { room: 'r1', text: 'lost' + i });

  const reset = next(ann, 'reset');
  proxy.restore();
  const event = await reset;
  assert.ok(['expired', 'overflow'].includes(event.reason), 'reason: ' + event.reason);
  assert.notEqual(ann.clientId, firstId, 'a new connection');
  assert.equal(event.clientId, ann.clientId);
  assert.equal(resumed, 1, 'the resume hook ran before reset');
  assert.deepEqual(seen.recovered, []);
  // What the app does on reset: reload its state, here the room's history.
  const history = await ann.call('room', 'history', { room: 'r1' });
  const texts = history.map((m) => m.text);
  assert.deepEqual(texts.filter((t) => t.startsWith('lost')), ['lost0', 'lost1', 'lost2', 'lost3', 'lost4']);
  await bob.call('room', 'say', { room: 'r1', text: 'live again' });
  await until(() => seen.pushes.some((m) => m.text === 'live again'), 30000, 'live traffic after the reset');
});
