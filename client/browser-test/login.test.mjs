// The demo's login with authentication on (auth.jwt.secret), in a real Chromium against the demo jar: the page asks
// the demo's POST /login for a token for the typed name, connects with ?token= (never ?uid=), and two users chat
// under the names they logged in with (README, "With authentication on").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './chromium.mjs';
import { openChat, join, type, seen, membersCount } from './chatpage.mjs';
import { ServerProcess } from '../js/test/server.mjs';

const SECRET = 'login-test-secret-0123456789abcdefghij';

let server;
let browser;

before(async () => {
  // Ready when HTTP answers: a WebSocket without a token would be refused.
  server = await ServerProcess.start(['--set', `auth.jwt.secret=${SECRET}`], { readyWhen: 'http' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Logs in as `name`, recording the page's answers from /login and the URLs of the WebSockets it opens. */
async function loginRecorded(name) {
  const logins = [];
  const sockets = [];
  const page = await openChat(browser, server.http, name, {
    watch: (p) => {
      p.on('response', (r) => {
        if (new URL(r.url()).pathname === '/login') logins.push({ method: r.request().method(), status: r.status() });
      });
      p.on('websocket', (ws) => sockets.push(new URL(ws.url())));
    },
  });
  return { page, logins, sockets };
}

/** @returns the claims of a JWT, read without checking it (the server checked it when it took the connection) */
function claims(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

test('with auth.jwt.secret the page logs in through POST /login, connects with ?token= and chats', async () => {
  const nora = await loginRecorded('nora');
  const omar = await loginRecorded('omar');
  for (const [name, user] of [['nora', nora], ['omar', omar]]) {
    assert.deepEqual(user.logins, [{ method: 'POST', status: 200 }], `${name}'s requests to /login`);
    assert.equal(user.sockets.length, 1, `${name}'s WebSockets: ${user.sockets}`);
    const query = user.sockets[0].searchParams;
    assert.equal(query.has('uid'), false, `${name} connects without ?uid=: ${user.sockets[0]}`);
    assert.equal(claims(query.get('token')).sub, name, `the token ${name} connects with is for ${name}`);
  }

  await join(nora.page, 'auth-room');
  await join(omar.page, 'auth-room');
  await membersCount(nora.page, 2);
  await type(nora.page, 'hello omar, with a token');
  assert.equal(await seen(omar.page, 'nora', 'hello omar, with a token'), 1);
  await type(omar.page, 'hi nora');
  assert.equal(await seen(nora.page, 'omar', 'hi nora'), 1);
  await nora.page.context().close();
  await omar.page.context().close();
});
