// Compiled (not run) by typings.test.mjs: the public API as issue 5 spells it must type-check in strict mode.
import KaliSocket, { KaliSocketError } from '../../js/kalisocket.mjs';

const ks = new KaliSocket('ws://127.0.0.1:9527/', {
  query: { uid: 'alice' },
  heartbeatInterval: 25000,
  backoffMax: 15000,
  recover: true,
  resume: async (direct) => { await direct.call('room', 'join', { room: 'r1' }); },
});

export async function example(): Promise<void> {
  await ks.ready;
  const off = ks.on('say', (msg) => console.log(msg.text));
  ks.on('close', (e) => console.log(e.code, e.reason, e.final));
  ks.on('reconnecting', (e) => console.log(e.attempt, e.delay));
  ks.on('reconnected', () => console.log('back'));
  ks.on('recovered', (e) => console.log(e.clientId.length, e.missed + 1));
  ks.on('reset', (e) => console.log(e.reason, e.clientId ?? 'none'));
  ks.on('refused', (e) => console.log(e.status + 1, e.reason.length, e.final === true));
  const id: string | null = ks.clientId;
  const data = await ks.call<{ room: string; members: number }>('room', 'join', { room: 'r1' });
  const members: number = data.members;
  const queued: boolean = ks.send('room', 'say', { room: 'r1', text: 'hi' });
  const state: 'connecting' | 'open' | 'reconnecting' | 'closed' = ks.state;
  off();
  try {
    await ks.call('room', 'say', { room: 'r1', text: '' });
  } catch (e) {
    if (e instanceof KaliSocketError) console.log(e.code, e.msg, e.reply?.code);
    if (e instanceof KaliSocketError) console.log(e.status ?? 0, e.reason ?? '');
  }
  const Global: typeof KaliSocket = globalThis.KaliSocket;
  console.log(members, queued, state, id, new Global('ws://127.0.0.1:9527/').state);
  ks.close();
}
