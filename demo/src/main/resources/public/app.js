// The demo chat page: issue 3's chat protocol on kalisocket.mjs. No build step, no framework.
// Everyone joins the room "lobby" on login; its members are the "online" list.
import KaliSocket from './kalisocket.mjs';

const LOBBY = 'lobby';
const MAX_SHOWN = 300;
const ROOM_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const $ = (id) => document.getElementById(id);

const app = {
  ks: null,
  me: null,
  rooms: new Map(),       // room -> { messages, members: { count, uids }, unread }
  dms: new Map(),         // uid -> { messages, unread }
  online: [],
  current: { kind: 'room', name: LOBBY }
};

// ---- connecting and logging in ---------------------------------------------------------------

function wsUrl() {
  const override = new URLSearchParams(location.search).get('ws');
  return override || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/`;
}

$('name').value = localStorage.getItem('kalisocket.name') || '';

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const name = $('name').value.trim();
  if (!name || name.length > 64) { $('login-error').textContent = 'A name has 1 to 64 characters.'; return; }
  localStorage.setItem('kalisocket.name', name);
  app.me = name;
  // With auth on (auth.jwt.secret) the demo's POST /login gives a short-lived token for the name; with auth off it
  // answers 404 and the page connects with ?uid= as before.
  let login;
  try {
    login = await obtainToken(name);
  } catch (e) {
    $('login-error').textContent = `Cannot log in: ${e.message}`;
    return;
  }
  const query = login ? { token: login.token } : { uid: name };
  // recover: after a drop the server gives the connection back with every push missed meanwhile (docs/RECOVERY.md).
  const ks = new KaliSocket(wsUrl(), { query, recover: true, resume: rejoin });
  app.ks = ks;
  if (login) keepTokenFresh(ks, name, login.exp);
  ks.on('state', showState);
  // Recovered: the missed pushes come through the handlers below, in order, once; nothing to reload.
  ks.on('recovered', () => { $('state').dataset.last = 'recovered'; });
  // Reset: a new connection (the window passed, the server restarted, ...): rejoin ran; reload what we show.
  ks.on('reset', () => {
    $('state').dataset.last = 'reset';
    refreshMembers(app.current.name);
    refreshOnline();
    app.rooms.forEach((r, name) => loadHistory(name)); // what was said while we were away (ids dedupe)
  });
  ks.on('say', onSay);
  ks.on('private', (m) => addMessage(dm(m.from), { from: m.from, text: m.text, ts: Date.now() }, { kind: 'dm', name: m.from }));
  ks.on('join', (m) => onMembership(m, 'joined'));
  ks.on('leave', (m) => onMembership(m, 'left'));
  // Arrivals and departures come as counts, once per second that had any (`presence.count`; README, "The demo"):
  // the page does not ask for who (?roster=1). The online list is the lobby's members and an arrival shows as the
  // lobby's `join`; a departure reloads it.
  ks.on('presence.count', (m) => { if (m.offline) refreshOnline(); });
  showState(ks.state);
  try {
    await ks.ready;
    await joinRoom(LOBBY);
  } catch (e) {
    $('login-error').textContent = `Cannot enter: ${e.msg || e.message}`;
    return;
  }
  $('login').hidden = true;
  $('chat').hidden = false;
  $('me').textContent = name;
  $('me').hidden = false;
  $('text').focus();
});

/** @returns the demo's token for the name ({token, uid, exp}), or null when the server does not authenticate */
async function obtainToken(name) {
  // The page's own server, even when ?ws= points the socket at a proxy: a same-origin POST needs no CORS.
  const r = await fetch(new URL('/login', location.href), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) });
  if (r.status === 404) return null;
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || `login failed (${r.status})`);
  return body;
}

/**
 * Gets a new token a minute before the current one expires and hands it to the live connection (auth/refresh,
 * docs/AUTH.md), so the server does not close it with 4001; reconnects use the newest token too.
 */
function keepTokenFresh(ks, name, exp) {
  const due = Math.max(5000, exp * 1000 - Date.now() - 60000);
  setTimeout(async () => {
    let next = exp;
    try {
      const login = await obtainToken(name);
      ks.query.token = login.token;
      next = login.exp;
      if (ks.state === 'open') await ks.call('auth', 'refresh', { token: login.token });
    } catch (e) { /* tried again below; a reconnect uses ks.query.token */ }
    if (ks.state !== 'closed') keepTokenFresh(ks, name, next);
  }, due);
}

/** After a reconnect that was not recovered the server has forgotten our rooms: join them again first. */
async function rejoin(direct) {
  for (const room of app.rooms.keys()) await direct.call('room', 'join', { room });
}

function showState(state) {
  const label = { connecting: 'connecting…', open: 'connected', reconnecting: 'reconnecting…', closed: 'offline' };
  $('state').dataset.state = state;
  $('state').textContent = label[state] || state;
}

// ---- rooms --------------------------------------------------------------------------------------

function room(name) {
  if (!app.rooms.has(name)) app.rooms.set(name, { messages: [], members: { count: 0, uids: [] }, unread: 0 });
  return app.rooms.get(name);
}

function dm(uid) {
  if (!app.dms.has(uid)) app.dms.set(uid, { messages: [], unread: 0 });
  return app.dms.get(uid);
}

async function joinRoom(name) {
  await app.ks.call('room', 'join', { room: name });
  room(name);
  open({ kind: 'room', name });
  await Promise.all([loadHistory(name), refreshMembers(name), name === LOBBY ? refreshOnline() : null]);
}

async function loadHistory(name) {
  let data;
  try {
    data = await app.ks.call('room', 'history', { room: name });
  } catch (e) {
    return; // no history on this server (404) or not available: the room starts empty
  }
  const list = Array.isArray(data) ? data : (data && (data.messages || data.items)) || [];
  list.forEach((m) => addMessage(room(name), { id: m.id, from: m.from ?? m.uid, text: m.text, ts: m.ts }, null));
  render();
}

async function refreshMembers(name) {
  if (!app.rooms.has(name)) return;
  try {
    room(name).members = await app.ks.call('room', 'members', { room: name });
  } catch (e) { /* shown as it was */ }
  render();
}

async function refreshOnline() {
  try {
    app.online = (await app.ks.call('room', 'members', { room: LOBBY })).uids || [];
  } catch (e) { /* shown as it was */ }
  render();
}

$('join-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const name = $('room-name').value.trim();
  $('join-error').textContent = '';
  if (!ROOM_NAME.test(name)) { $('join-error').textContent = 'Room names: 1–64 of A–Z a–z 0–9 _ . -'; return; }
  try {
    await joinRoom(name);
    $('room-name').value = '';
  } catch (e) {
    $('join-error').textContent = e.msg || e.message;
  }
});

$('leave').addEventListener('click', async () => {
  const { kind, name } = app.current;
  if (kind === 'room') {
    if (name === LOBBY) return;
    try { await app.ks.call('room', 'leave', { room: name }); } catch (e) { /* gone anyway */ }
    app.rooms.delete(name);
  } else {
    app.dms.delete(name);
  }
  open({ kind: 'room', name: LOBBY });
});

// ---- messages -----------------------------------------------------------------------------------

function onSay(m) {
  addMessage(room(m.room), { id: m.id, from: m.from, text: m.text, ts: m.ts }, { kind: 'room', name: m.room });
}

function onMembership(m, verb) {
  if (!app.rooms.has(m.room)) return;
  if (m.room !== LOBBY) addMessage(room(m.room), { system: true, text: `${m.uid || m.client_id} ${verb}` }, null);
  refreshMembers(m.room);
  if (m.room === LOBBY) refreshOnline();
}

/** Adds a message to a conversation (once per id) and counts it unread unless that conversation is shown. */
function addMessage(conv, msg, where) {
  if (msg.id !== undefined && msg.id !== null && conv.messages.some((x) => x.id === msg.id)) return;
  conv.messages.push(msg);
  if (conv.messages.length > MAX_SHOWN) conv.messages.shift();
  if (where && !(where.kind === app.current.kind && where.name === app.current.name)) conv.unread++;
  render();
}

$('say-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const text = $('text').value;
  if (!text.trim()) return;
  $('text').value = '';
  $('say-error').textContent = '';
  const { kind, name } = app.current;
  const conv = kind === 'room' ? room(name) : dm(name);
  const msg = { from: app.me, text, ts: Date.now(), mine: true, pending: true };
  addMessage(conv, msg, null);
  try {
    if (kind === 'room') {
      msg.id = (await app.ks.call('room', 'say', { room: name, text })).id;
    } else {
      const { delivered } = await app.ks.call('user', 'send', { to: name, text });
      if (!delivered) msg.note = `${name} is offline: not delivered`;
    }
  } catch (e) {
    msg.failed = true;
    msg.note = `not sent: ${e.msg || e.message}`;
  }
  msg.pending = false;
  render();
});

// ---- rendering ----------------------------------------------------------------------------------

function open(where) {
  app.current = where;
  const conv = where.kind === 'room' ? room(where.name) : dm(where.name);
  conv.unread = 0;
  render();
  $('text').focus();
}

function item(text, attrs, onClick) {
  const li = document.createElement('li');
  li.textContent = text;
  Object.entries(attrs).forEach(([k, v]) => { li.dataset[k] = v; });
  if (onClick) li.addEventListener('click', onClick);
  return li;
}

function withBadge(li, unread) {
  if (unread) {
    const b = document.createElement('span');
    b.className = 'badge';
    b.textContent = String(unread);
    li.append(b);
  }
  return li;
}

function render() {
  const cur = app.current;
  $('rooms').replaceChildren(...[...app.rooms].map(([name, r]) => {
    const li = withBadge(item(`# ${name}`, { room: name }, () => open({ kind: 'room', name })), r.unread);
    li.classList.toggle('current', cur.kind === 'room' && cur.name === name);
    return li;
  }));
  const dms = [...app.dms].map(([uid, d]) => {
    const li = withBadge(item(`@ ${uid}`, { dm: uid }, () => open({ kind: 'dm', name: uid })), d.unread);
    li.classList.toggle('current', cur.kind === 'dm' && cur.name === uid);
    return li;
  });
  $('dms').replaceChildren(...(dms.length ? dms : [item('click someone online', {}, null)]));
  if (!dms.length) $('dms').firstChild.className = 'hint';
  $('online').replaceChildren(...app.online.map((uid) => {
    const li = item(uid === app.me ? `${uid} (you)` : uid, { uid }, uid === app.me ? null : () => open({ kind: 'dm', name: uid }));
    const dot = document.createElement('span');
    dot.className = 'dot';
    li.prepend(dot);
    return li;
  }));
  $('online-count').textContent = `(${app.online.length})`;

  const conv = cur.kind === 'room' ? room(cur.name) : dm(cur.name);
  $('conv-title').textContent = cur.kind === 'room' ? `# ${cur.name}` : `@ ${cur.name}`;
  $('leave').hidden = cur.kind === 'room' && cur.name === LOBBY;
  const m = cur.kind === 'room' ? conv.members : null;
  $('members').textContent = m ? `${m.count} here: ${(m.uids || []).join(', ')}` : 'private conversation';
  $('members').dataset.count = m ? String(m.count) : '';
  const list = $('messages');
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
  list.replaceChildren(...conv.messages.map(messageItem));
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function messageItem(msg) {
  const li = document.createElement('li');
  if (msg.system) {
    li.className = 'system';
    li.textContent = msg.text;
    return li;
  }
  li.classList.toggle('mine', !!msg.mine || msg.from === app.me);
  li.classList.toggle('pending', !!msg.pending);
  li.classList.toggle('failed', !!msg.failed);
  li.dataset.from = msg.from ?? '';
  if (msg.id !== undefined) li.dataset.id = String(msg.id);
  const from = document.createElement('span');
  from.className = 'from';
  from.textContent = `${msg.from ?? '?'}${msg.ts ? ' · ' + new Date(msg.ts).toLocaleTimeString() : ''}`;
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = msg.text;
  li.append(from, text);
  if (msg.note) {
    const note = document.createElement('span');
    note.className = 'note';
    note.textContent = msg.note;
    li.append(note);
  }
  return li;
}
