/*!
 * kalisocket.js: the browser and Node client of KaliSocket. One file, no dependencies.
 *
 * Loaded as a classic script it defines `globalThis.KaliSocket`; required from CommonJS it is
 * `module.exports`; `kalisocket.mjs` (a three-line shim next to it) re-exports it as an ES module.
 * The file has no import/export statement, so it is also valid when evaluated as a module.
 *
 * Where it lives: here, in the demo's static folder, so that the demo jar serves it as /kalisocket.js and
 * /kalisocket.mjs with no build step; client/js/kalisocket.js and .mjs are symlinks to these two files
 * (Maven copies a symlinked resource as a link, so the real file must be the one under src/main/resources).
 *
 * Wire protocol (DESIGN.md section 2): JSON text frames `{"ct":C,"ac":A,...params}`; a call carries
 * a `msgid` and is resent (same msgid, so the server runs it once) until `{"type":"pongMsg","msgid":M}`
 * arrives; the reply is `{"ct","ac","code","msg","data","msgid"}`; heartbeat `~H#C~` / `~H#S~`.
 * Connection recovery (docs/RECOVERY.md section 3): with `recover` on, it connects with `?recover=1`, keeps the
 * token, epoch and position from the `recovery` frame and every `_seq`, returns with `?resume=&epoch=&last=`,
 * strips `_seq` and drops a push it has already seen, and fires `recovered` or `reset` after every reconnect.
 * Refused handshakes (docs/SECURITY.md, "Refused handshakes"): a browser hides the HTTP status of a refused
 * upgrade (it reports a close with 1006), so every connect carries a random `ks_refusal` id, and a connection
 * that closes before it opened asks the server `GET <same path>?ks_refusal=ID` for its answer
 * `{"status","reason"}`: a 4xx (but 408 and 429) is final (`refused` fires, `ready` rejects, no retry); a 429, a
 * 5xx or no answer is retried with back-off and jitter.
 */
(function (root) {
  'use strict';

  /** Defaults of every option; see kalisocket.d.ts for what each one means. */
  var DEFAULTS = {
    query: {},
    heartbeatInterval: 25000,
    heartbeatPing: '~H#C~',
    heartbeatPong: '~H#S~',
    deadAfter: 60000,
    connectTimeout: 10000,
    callTimeout: 30000,
    resendInterval: 3000,
    reconnect: true,
    backoffMin: 500,
    backoffMax: 15000,
    backoffFactor: 2,
    backoffJitter: 0.5,
    maxQueue: 1000,
    finalCloseCodes: [],
    recover: true,
    resume: undefined,
    WebSocket: undefined,
    fetch: undefined
  };

  /**
   * The error a call rejects with: the reply's `code` and `msg`, or 408 timeout, 410 closed, 507 queue full. A refused
   * handshake rejects `ready` with one whose `status` and `reason` are the server's answer (and `code`, `msg` too).
   */
  class KaliSocketError extends Error {
    constructor(code, msg, reply) {
      super(msg + ' (' + code + ')');
      this.name = 'KaliSocketError';
      this.code = code;
      this.msg = msg;
      this.reply = reply;
    }
  }

  function randomPrefix() {
    var c = root.crypto;
    if (c && typeof c.getRandomValues === 'function') {
      var a = c.getRandomValues(new Uint32Array(2));
      return a[0].toString(36) + a[1].toString(36);
    }
    return Math.random().toString(36).slice(2) + Date.now().toString(36);
  }

  /** @returns a fresh id for the `ks_refusal` parameter: 24 characters of [0-9a-z] */
  function refusalId() {
    return (randomPrefix() + randomPrefix() + '000000000000000000000000').slice(0, 24);
  }

  /** A 4xx is the client's fault and stays so when retried, except a timeout (408) and a limit (429). */
  function isFinalRefusal(status) {
    return status >= 400 && status < 500 && status !== 408 && status !== 429;
  }

  /**
   * Asks the server why the upgrade of `wsUrl` (with refusal id `id`) was refused.
   * @returns {Promise<{status: number, reason: string} | null>} null when the server has no answer (it was not a
   *     refusal, it expired, or the server cannot tell)
   */
  function lookupRefusal(fetchFn, wsUrl, id, timeout) {
    var u;
    try {
      u = new URL(wsUrl);
      u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
      u.search = '?ks_refusal=' + encodeURIComponent(id);
      u.hash = '';
    } catch (e) {
      return Promise.resolve(null);
    }
    var abort = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = abort ? setTimeout(function () { abort.abort(); }, timeout) : null;
    return Promise.resolve()
      .then(function () {
        return fetchFn(u.toString(), { cache: 'no-store', credentials: 'omit', signal: abort ? abort.signal : undefined });
      })
      .then(function (res) { return res.status === 200 ? res.json() : null; })
      .then(function (body) {
        return body && typeof body.status === 'number' && body.status >= 400
          ? { status: body.status, reason: String(body.reason || '') } : null;
      })
      .catch(function () { return null; })
      .then(function (refusal) { clearTimeout(timer); return refusal; });
  }

  function buildUrl(url, query) {
    var parts = [];
    Object.keys(query || {}).forEach(function (k) {
      var v = query[k];
      if (v !== undefined && v !== null) parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(String(v)));
    });
    if (!parts.length) return url;
    return url + (url.indexOf('?') >= 0 ? '&' : '?') + parts.join('&');
  }

  class KaliSocket {
    /**
     * Opens a connection at once and keeps it open until close().
     * @param {string} url e.g. 'ws://127.0.0.1:9527/'
     * @param {object} [options] see DEFAULTS and kalisocket.d.ts
     */
    constructor(url, options) {
      var o = Object.assign({}, DEFAULTS, options || {});
      this.url = url;
      this.options = o;
      this.query = Object.assign({}, o.query);
      this.state = 'connecting';
      this._WS = o.WebSocket || root.WebSocket;
      this._fetch = o.fetch || (typeof root.fetch === 'function' ? root.fetch.bind(root) : null);
      if (typeof this._WS !== 'function') {
        throw new Error('KaliSocket: no WebSocket (Node 20: run with --experimental-websocket, or pass options.WebSocket)');
      }
      this._handlers = new Map();
      this._pending = new Map();   // msgid -> call entry, in creation order
      this._outbox = [];           // frames (string) or call entries waiting for an open socket
      this._prefix = randomPrefix();
      this._seq = 0;
      this._attempt = 0;
      this._opened = false;
      this._wsOpened = false;      // whether the current socket opened: a close before that may be a refusal
      this._refusalId = null;
      this._attemptUrl = null;
      this._resuming = false;
      this._ws = null;
      this._timers = { heartbeat: null, dead: null, reconnect: null, resend: null, connect: null, recovery: null };
      // Recovery: what the server's `recovery` frame said, the highest push number seen, and whether the
      // socket being opened asked for its old connection back (then the `recovery` frame decides what follows).
      this.clientId = null;
      this._token = null;
      this._epoch = null;
      this._position = 0;
      this._askedResume = false;
      this._decide = null;
      var self = this;
      this.ready = new Promise(function (resolve, reject) { self._ready = { resolve: resolve, reject: reject }; });
      this.ready.catch(function () {});
      this._connect();
    }

    /**
     * Listens to an event: a push's "type" (e.g. 'say'), or 'open', 'close', 'reconnecting',
     * 'reconnected', 'refused' ({status, reason, final}), '*' (every JSON frame), 'text' (every non-JSON
     * frame), 'state'.
     * @returns {() => void} a function that removes the listener
     */
    on(type, handler) {
      if (!this._handlers.has(type)) this._handlers.set(type, new Set());
      this._handlers.get(type).add(handler);
      var self = this;
      return function () { self.off(type, handler); };
    }

    /** Removes a listener added with on(). */
    off(type, handler) {
      var set = this._handlers.get(type);
      if (set) set.delete(handler);
    }

    /**
     * Calls action `ac` of controller `ct`; resolves with the reply's data, rejects with a KaliSocketError.
     * @returns {Promise<any>}
     */
    call(ct, ac, params) {
      return this._call(ct, ac, params, false);
    }

    _call(ct, ac, params, direct) {
      var self = this;
      return new Promise(function (resolve, reject) {
        if (self.state === 'closed') return reject(new KaliSocketError(410, 'closed'));
        var msgid = self._prefix + '-' + (++self._seq);
        var entry = {
          msgid: msgid, resolve: resolve, reject: reject, acked: false, sentAt: -1, direct: direct,
          frame: JSON.stringify(Object.assign({}, params || {}, { ct: ct, ac: ac, msgid: msgid }))
        };
        var now = direct ? self._isOpen() : self._flowing();
        if (!now && self._outbox.length >= self.options.maxQueue) {
          return reject(new KaliSocketError(507, 'queue full'));
        }
        self._pending.set(msgid, entry);
        entry.timer = setTimeout(function () {
          self._settle(msgid, function () { reject(new KaliSocketError(408, 'timeout')); });
        }, self.options.callTimeout);
        if (now) self._transmit(entry); else self._outbox.push(entry);
      });
    }

    /**
     * Sends `{"ct","ac",...params}` without a msgid or a promise; queued while disconnected.
     * @returns {boolean} false when the socket is closed or the queue is full
     */
    send(ct, ac, params) {
      var frame = JSON.stringify(Object.assign({}, params || {}, { ct: ct, ac: ac }));
      if (this.state === 'closed') return false;
      if (this._flowing()) { this._ws.send(frame); return true; }
      if (this._outbox.length >= this.options.maxQueue) return false;
      this._outbox.push(frame);
      return true;
    }

    /** Closes for good: no reconnect; pending and queued calls reject with 410. */
    close(code, reason) {
      if (this.state === 'closed') return;
      this._setState('closed');
      this._stopTimers();
      clearTimeout(this._timers.reconnect);
      var ws = this._ws;
      this._ws = null;
      if (ws) {
        this._detach(ws);
        try { ws.close(code || 1000, reason || ''); } catch (e) { /* already closing */ }
      }
      this._outbox = [];
      var self = this;
      Array.from(this._pending.keys()).forEach(function (msgid) {
        var e = self._pending.get(msgid);
        self._settle(msgid, function () { e.reject(new KaliSocketError(410, 'closed')); });
      });
      this._ready.reject(new KaliSocketError(410, 'closed'));
      this._emit('close', { code: code || 1000, reason: reason || '', final: true });
    }

    // ---- connection lifecycle -------------------------------------------------------------

    _connect() {
      var ws;
      this._wsOpened = false;
      this._refusalId = this._fetch ? refusalId() : null;
      var extra = this._refusalId ? { ks_refusal: this._refusalId } : {};
      this._attemptUrl = buildUrl(this.url, Object.assign({}, this.query, this._recoveryQuery(), extra));
      try {
        ws = new this._WS(this._attemptUrl);
      } catch (e) {
        this._scheduleReconnect();
        return;
      }
      this._ws = ws;
      var self = this;
      ws.onopen = function () { self._onOpen(ws); };
      ws.onmessage = function (ev) { self._onFrame(ws, ev.data); };
      ws.onclose = function (ev) { self._onDrop(ws, ev.code, ev.reason, true); };
      // Browsers follow an error with a close event; Node 20's WebSocket does not when the connection fails.
      ws.onerror = function () { if (ws.readyState !== 1) self._onDrop(ws, 1006, 'connect failed', true); };
      clearTimeout(this._timers.connect);
      this._timers.connect = setTimeout(function () {
        if (ws !== self._ws || ws.readyState === 1) return;
        try { ws.close(); } catch (e) { /* ignore */ }
        self._onDrop(ws, 1006, 'connect timeout');
      }, this.options.connectTimeout);
    }

    /** The recovery parameters of the next connect: none, `recover=1`, or the position to return to. */
    _recoveryQuery() {
      this._askedResume = false;
      if (!this.options.recover) return {};
      if (this._token === null) return { recover: 1 };
      this._askedResume = true;
      return { resume: this._token, epoch: this._epoch, last: this._position };
    }

    _onOpen(ws) {
      if (ws !== this._ws) return;
      clearTimeout(this._timers.connect);
      var again = this._opened;
      this._opened = true;
      this._wsOpened = true;
      this._attempt = 0;
      this._setState('open');
      var self = this;
      this._timers.heartbeat = setInterval(function () { self._ping(); }, this.options.heartbeatInterval);
      this._timers.resend = setInterval(function () { self._resendDue(); }, this.options.resendInterval);
      this._touch();
      if (!again) { this._finishOpen(ws, null); return; }
      // After a reconnect nothing queued goes out until we know whether the server kept our connection.
      this._resuming = true;
      if (!this._askedResume) { this._restore(ws, { reason: this.options.recover ? 'unsupported' : 'off', clientId: this.clientId }); return; }
      this._decide = function (frame) {
        self._decide = null;
        clearTimeout(self._timers.recovery);
        if (frame && frame.recovered === true) {
          self._finishOpen(ws, { type: 'recovered', event: { clientId: frame.client_id, missed: frame.missed || 0 } });
        } else {
          self._restore(ws, { reason: frame ? frame.reason || 'expired' : 'unsupported', clientId: self.clientId });
        }
      };
      // A server without recovery sends no `recovery` frame: after connectTimeout the connection counts as new.
      this._timers.recovery = setTimeout(function () { if (self._decide) self._decide(null); }, this.options.connectTimeout);
    }

    /** Flushes what waited and reports the open (and, after a reconnect, `recovered` or `reset`). */
    _finishOpen(ws, outcome) {
      if (ws !== this._ws) return;
      this._resuming = false;
      this._flush(ws);
      this._ready.resolve();
      this._emit('open', {});
      if (outcome) {
        this._emit(outcome.type, outcome.event);
        this._emit('reconnected', {});
      }
    }

    /** A new connection after a reconnect: options.resume restores server-side state (login, rooms) first. */
    _restore(ws, why) {
      var self = this;
      var resume = this.options.resume;
      var finish = function () { self._finishOpen(ws, { type: 'reset', event: why }); };
      if (typeof resume !== 'function') { finish(); return; }
      var direct = {
        call: function (ct, ac, params) { return self._call(ct, ac, params, true); },
        send: function (ct, ac, params) {
          if (ws === self._ws && self._isOpen()) ws.send(JSON.stringify(Object.assign({}, params || {}, { ct: ct, ac: ac })));
        }
      };
      Promise.resolve()
        .then(function () { return resume(direct); })
        .catch(function (e) { self._emit('error', e); })
        .then(finish);
    }

    /** Resends calls that were sent and not acknowledged, then sends the queue, in order. */
    _flush(ws) {
      var self = this;
      this._pending.forEach(function (e) { if (e.sentAt >= 0 && !e.acked && !e.direct) self._transmit(e); });
      var queued = this._outbox;
      this._outbox = [];
      queued.forEach(function (item) {
        if (typeof item === 'string') ws.send(item);
        else if (self._pending.has(item.msgid)) self._transmit(item);
      });
    }

    /** @param mayBeRefusal whether the server ended the attempt (not our timeout), so it may have refused it */
    _onDrop(ws, code, reason, mayBeRefusal) {
      if (ws !== this._ws) return;
      this._detach(ws);
      this._ws = null;
      this._resuming = false;
      this._decide = null;
      this._stopTimers();
      if (mayBeRefusal && !this._wsOpened && this._refusalId) {
        var self = this;
        lookupRefusal(this._fetch, this._attemptUrl, this._refusalId, this.options.connectTimeout)
          .then(function (refusal) {
            if (self.state === 'closed' || self._ws !== null) return; // closed, or reconnected, meanwhile
            if (refusal) self._onRefused(refusal); else self._afterDrop(code, reason);
          });
        return;
      }
      this._afterDrop(code, reason);
    }

    /** The server refused the handshake: report it; a final refusal closes for good, the others are retried. */
    _onRefused(refusal) {
      var final = isFinalRefusal(refusal.status);
      this._emit('refused', { status: refusal.status, reason: refusal.reason, final: final });
      if (!final) { this._afterDrop(1006, refusal.reason); return; }
      var error = new KaliSocketError(refusal.status, refusal.reason);
      error.status = refusal.status;
      error.reason = refusal.reason;
      this._ready.reject(error); // settles first: close() below rejects only what is still pending, with 410
      this.close(1006, refusal.reason);
    }

    _afterDrop(code, reason) {
      if (!this.options.reconnect || this.options.finalCloseCodes.indexOf(code) >= 0) {
        this.close(code, reason);
        return;
      }
      if (this.state === 'open') this._emit('close', { code: code, reason: reason || '', final: false });
      this._scheduleReconnect();
    }

    _scheduleReconnect() {
      if (this.state === 'closed') return;
      this._attempt++;
      var o = this.options;
      var base = Math.min(o.backoffMax, o.backoffMin * Math.pow(o.backoffFactor, this._attempt - 1));
      var delay = Math.round(base * (1 - o.backoffJitter * Math.random()));
      this._setState('reconnecting');
      this._emit('reconnecting', { attempt: this._attempt, delay: delay });
      var self = this;
      this._timers.reconnect = setTimeout(function () { self._connect(); }, delay);
    }

    _detach(ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    }

    _stopTimers() {
      clearTimeout(this._timers.connect);
      clearInterval(this._timers.heartbeat);
      clearInterval(this._timers.resend);
      clearTimeout(this._timers.dead);
      clearTimeout(this._timers.recovery);
    }

    // ---- frames -----------------------------------------------------------------------------

    _ping() {
      if (this._isOpen()) this._ws.send(this.options.heartbeatPing);
    }

    /** Any frame proves the connection alive; silence for deadAfter ms drops it and reconnects. */
    _touch() {
      clearTimeout(this._timers.dead);
      var self = this;
      var ws = this._ws;
      this._timers.dead = setTimeout(function () {
        if (ws !== self._ws) return;
        try { ws.close(4000, 'no heartbeat'); } catch (e) { /* ignore */ }
        self._onDrop(ws, 4000, 'no heartbeat');
      }, this.options.deadAfter);
    }

    _onFrame(ws, data) {
      if (ws !== this._ws) return;
      this._touch();
      if (typeof data !== 'string' || data === this.options.heartbeatPong) return;
      var msg;
      try { msg = JSON.parse(data); } catch (e) { msg = undefined; }
      if (msg === null || typeof msg !== 'object') { this._emit('text', data); return; }
      if (this.options.recover && this._recovery(msg)) return;
      this._emit('*', msg);
      var id = msg.msgid === undefined || msg.msgid === null ? null : String(msg.msgid);
      var entry = id === null ? undefined : this._pending.get(id);
      if (msg.type === 'pongMsg') { if (entry) entry.acked = true; return; }
      if (entry && typeof msg.code === 'number' && msg.ct !== undefined) {
        this._settle(id, function () {
          if (msg.code === 0) entry.resolve(msg.data);
          else entry.reject(new KaliSocketError(msg.code, msg.msg || 'error', msg));
        });
        return;
      }
      if (typeof msg.type === 'string') this._emit(msg.type, msg);
    }

    /**
     * Reads the recovery fields of a frame: the `recovery` frame (kept, then `_decide` runs) and a push's `_seq`
     * (stripped; a push already seen is dropped; a gap means the server dropped pushes: `reset`).
     * @returns {boolean} true when the frame is consumed here
     */
    _recovery(msg) {
      if (msg.type === 'recovery' && typeof msg.token === 'string' && msg.msgid === undefined) {
        this._token = msg.token;
        this._epoch = msg.epoch;
        this._position = typeof msg.seq === 'number' ? msg.seq : 0;
        this.clientId = msg.client_id;
        this._emit('*', msg);
        if (this._decide) this._decide(msg);
        return true;
      }
      if (this._decide) this._decide(null); // the first frame was something else: no recovery on this server
      if (typeof msg._seq !== 'number') return false;
      var seq = msg._seq;
      if (seq <= this._position) return true;
      var gap = seq > this._position + 1;
      this._position = seq;
      delete msg._seq;
      if (gap) this._emit('reset', { reason: 'gap', clientId: this.clientId });
      if (typeof msg._text === 'string' && Object.keys(msg).length === 1) { this._emit('text', msg._text); return true; }
      return false;
    }

    _transmit(entry) {
      entry.sentAt = Date.now();
      this._ws.send(entry.frame);
    }

    _resendDue() {
      if (!this._isOpen()) return;
      var now = Date.now();
      var every = this.options.resendInterval;
      var self = this;
      var flowing = this._flowing();
      this._pending.forEach(function (e) {
        if (!e.acked && e.sentAt >= 0 && now - e.sentAt >= every && (flowing || e.direct)) self._transmit(e);
      });
    }

    _settle(msgid, fn) {
      var entry = this._pending.get(msgid);
      if (!entry) return;
      this._pending.delete(msgid);
      clearTimeout(entry.timer);
      var i = this._outbox.indexOf(entry);
      if (i >= 0) this._outbox.splice(i, 1);
      fn();
    }

    _isOpen() {
      return this.state === 'open' && this._ws !== null && this._ws.readyState === 1;
    }

    /** Open and not restoring state after a reconnect: frames may go out at once. */
    _flowing() {
      return this._isOpen() && !this._resuming;
    }

    _setState(state) {
      if (this.state === state) return;
      this.state = state;
      this._emit('state', state);
    }

    _emit(type, payload) {
      var set = this._handlers.get(type);
      if (!set) return;
      Array.from(set).forEach(function (h) {
        try { h(payload); } catch (e) { setTimeout(function () { throw e; }); }
      });
    }
  }

  KaliSocket.KaliSocketError = KaliSocketError;
  KaliSocket.DEFAULTS = Object.freeze(Object.assign({}, DEFAULTS));
  root.KaliSocket = KaliSocket;
  if (typeof module === 'object' && module && module.exports) module.exports = KaliSocket;
})(typeof globalThis !== 'undefined' ? globalThis : this);
