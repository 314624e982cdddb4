// A WebSocket subclass for tests: records every frame and can drop chosen frames in either direction.

/** @returns the tap ({sent, received, dropOut, dropIn, sockets}) and its WebSocket class */
export function tapped() {
  const tap = { sent: [], received: [], sockets: [], dropOut: () => false, dropIn: () => false };
  class TapWebSocket extends WebSocket {
    constructor(url) {
      super(url);
      tap.sockets.push(this);
    }
    send(data) {
      if (tap.dropOut(data)) return;
      tap.sent.push(data);
      super.send(data);
    }
    set onmessage(fn) {
      this.inner = fn;
      super.onmessage = fn && ((ev) => {
        tap.received.push(ev.data);
        if (!tap.dropIn(ev.data)) fn(ev);
      });
    }
    get onmessage() {
      return super.onmessage;
    }
  }
  tap.WebSocket = TapWebSocket;
  /** Hands a frame to the client as if the newest socket had received it (for frames held back by dropIn). */
  tap.deliver = (data) => tap.sockets.at(-1).inner({ data });
  /** @returns replies (frames with a code) received for each msgid */
  tap.repliesByMsgid = () => {
    const counts = new Map();
    for (const f of tap.received) {
      if (typeof f !== 'string' || f[0] !== '{') continue;
      const m = JSON.parse(f);
      if (m.msgid !== undefined && typeof m.code === 'number') counts.set(m.msgid, (counts.get(m.msgid) || 0) + 1);
    }
    return counts;
  };
  return tap;
}

/** Resolves with the next event of `type` on `ks`. */
export function next(ks, type) {
  return new Promise((resolve) => { const off = ks.on(type, (e) => { off(); resolve(e); }); });
}
