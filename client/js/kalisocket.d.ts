// Typings of kalisocket.js / kalisocket.mjs, the KaliSocket client for browsers and Node.

/** Connection state: `connecting` before the first open, `open`, `reconnecting` after a drop, `closed` after close(). */
export type KaliSocketState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Options of {@link KaliSocket}; every one is optional and its default is given. */
export interface KaliSocketOptions {
  /** Query parameters of the connect URL, e.g. `{ uid: 'alice' }`; read again on every reconnect. Default `{}`. */
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Milliseconds between two heartbeat frames. Default 25000. */
  heartbeatInterval?: number;
  /** The heartbeat frame sent. Default `~H#C~`. */
  heartbeatPing?: string;
  /** The server's heartbeat answer, swallowed. Default `~H#S~`. */
  heartbeatPong?: string;
  /** Milliseconds without any frame from the server after which the connection counts as dead and is replaced. Default 60000. */
  deadAfter?: number;
  /** Milliseconds a connection attempt may take before it is given up and retried. Default 10000. */
  connectTimeout?: number;
  /** Milliseconds, from call(), after which a call without reply rejects with code 408. Default 30000. */
  callTimeout?: number;
  /** Milliseconds after which a call without receipt (`pongMsg`) is sent again, same msgid. Default 3000. */
  resendInterval?: number;
  /** Reconnect after the connection drops. Default true. */
  reconnect?: boolean;
  /** First reconnect delay, ms. Default 500. */
  backoffMin?: number;
  /** Largest reconnect delay, ms. Default 15000. */
  backoffMax?: number;
  /** Growth of the delay per failed attempt. Default 2. */
  backoffFactor?: number;
  /** Share of the delay taken off at random (0..1), so that clients spread out. Default 0.5. */
  backoffJitter?: number;
  /** Most frames queued while disconnected; beyond it call() rejects with 507 and send() returns false. Default 1000. */
  maxQueue?: number;
  /** Server close codes after which the client does not reconnect (e.g. your app's "kicked" code). Default `[]`. */
  finalCloseCodes?: number[];
  /**
   * Connection recovery (docs/RECOVERY.md): connect with `?recover=1`, return after a drop with
   * `?resume=TOKEN&epoch=E&last=N`, get the missed pushes through the normal handlers, in order, once. After
   * every reconnect exactly one of `recovered` and `reset` fires. Costs nothing on a server without recovery
   * (it ignores the parameter). Default true.
   */
  recover?: boolean;
  /**
   * Runs after every reconnect that did not recover the connection (not after `recovered`), before the calls
   * and sends queued meanwhile go out (and before `open`, `reset` and `reconnected` fire): restore server-side
   * state here (log in, join rooms). Calls made through `direct` are
   * sent at once; the queue waits until the returned promise settles. Default none.
   */
  resume?: (direct: KaliDirect) => void | Promise<unknown>;
  /** The WebSocket constructor to use. Default `globalThis.WebSocket`. */
  WebSocket?: new (url: string) => WebSocket;
  /**
   * The fetch used to ask the server why a handshake was refused (`GET <path>?ks_refusal=ID`, see the `refused`
   * event). Default `globalThis.fetch`; without one a refusal is retried like any failed connect.
   */
  fetch?: (url: string, init?: Record<string, unknown>) => Promise<{ status: number; json(): Promise<any> }>;
}

/** What {@link KaliSocketOptions.resume} gets: call and send that skip the queue. */
export interface KaliDirect {
  call<T = any>(ct: string, ac: string, params?: Record<string, unknown>): Promise<T>;
  send(ct: string, ac: string, params?: Record<string, unknown>): void;
}

/** A reply of the server, `{"ct","ac","code","msg","data","msgid"}`. */
export interface KaliReply<T = unknown> {
  ct: string | null;
  ac: string | null;
  code: number;
  msg: string;
  data: T;
  msgid?: string | number;
}

/** Why a call failed: the reply's code and msg (400, 401, 403, 404, 429, 500, ...), or 408 timeout, 410 closed, 507 queue full. */
export declare class KaliSocketError extends Error {
  readonly name: 'KaliSocketError';
  /** The error code. */
  readonly code: number;
  /** The server's (or the client's) message. */
  readonly msg: string;
  /** The error reply, when the server sent one. */
  readonly reply?: KaliReply;
  /** For a refused handshake (`ready` rejects with it): the HTTP status the server answered, e.g. 401. */
  readonly status?: number;
  /** For a refused handshake: the server's reason, e.g. `token expired`. */
  readonly reason?: string;
}

/**
 * Payload of the `refused` event: the server refused the WebSocket handshake with this HTTP status and reason.
 * `final`: a 4xx other than 408 and 429 (e.g. 401, 403, 404), after which the client closes for good and `ready`
 * rejects; otherwise (429, 503, any 5xx) it retries with back-off and jitter.
 */
export interface KaliRefusedEvent { status: number; reason: string; final: boolean; }

/** Payload of the `close` event. */
export interface KaliCloseEvent { code: number; reason: string; final: boolean; }
/** Payload of the `reconnecting` event. */
export interface KaliReconnectingEvent { attempt: number; delay: number; }
/** Payload of the `recovered` event: the server kept the connection; `missed` pushes follow, then live traffic. */
export interface KaliRecoveredEvent { clientId: string; missed: number; }
/**
 * Payload of the `reset` event: the connection is new (server state and missed pushes are gone), reload your
 * state. `reason`: the server's (`expired`, `epoch`, `overflow`, `invalid`), `gap` (the server dropped pushes
 * to this slow client; the connection itself lives on), `unsupported` (the server has no recovery) or `off`
 * (the `recover` option is false).
 */
export interface KaliResetEvent {
  reason: 'expired' | 'epoch' | 'overflow' | 'invalid' | 'gap' | 'unsupported' | 'off' | string;
  /** The connection's client id now, null when the server has no recovery. */
  clientId: string | null;
}

/** Events of the client itself; any other name is a push's `type` (e.g. `welcome`, `say`, `private`). */
export interface KaliSocketEventMap {
  open: {};
  close: KaliCloseEvent;
  reconnecting: KaliReconnectingEvent;
  reconnected: {};
  /** The server refused a handshake (its HTTP status and reason); see {@link KaliRefusedEvent}. */
  refused: KaliRefusedEvent;
  /** After a reconnect: the old connection is back (fires before its missed pushes are delivered). */
  recovered: KaliRecoveredEvent;
  /** After a reconnect (or on a gap in the push numbers): the connection is new; reload state. */
  reset: KaliResetEvent;
  state: KaliSocketState;
  /** Every JSON frame, replies and receipts included. */
  '*': Record<string, any>;
  /** Every frame that is not JSON (heartbeat answers excluded). */
  text: string;
  /** An exception thrown by the `resume` option. */
  error: unknown;
}

/** A KaliSocket connection: heartbeat, reconnect with back-off, receipts with resend, typed-free pushes. */
export declare class KaliSocket {
  /** The defaults of every option. */
  static readonly DEFAULTS: Readonly<Required<Omit<KaliSocketOptions, 'WebSocket' | 'fetch'>>>;
  /** The error class calls reject with. */
  static readonly KaliSocketError: typeof KaliSocketError;

  /** Opens the connection at once. */
  constructor(url: string, options?: KaliSocketOptions);

  /** The URL given to the constructor, without the query. */
  readonly url: string;
  /** The query used on the next (re)connect; may be changed. */
  query: Record<string, string | number | boolean | null | undefined>;
  /** The current state. */
  readonly state: KaliSocketState;
  /** The connection's client id, from the server's `recovery` frame; null without recovery. */
  readonly clientId: string | null;
  /**
   * Resolves on the first open; rejects (code 410) if close() comes first, or with the server's `status` and
   * `reason` when it refuses the handshake for good (a 4xx other than 408 and 429).
   */
  readonly ready: Promise<void>;

  /** Listens to a client event; returns a function that removes the listener. */
  on<K extends keyof KaliSocketEventMap>(type: K, handler: (event: KaliSocketEventMap[K]) => void): () => void;
  /** Listens to pushes whose `type` is `type`; returns a function that removes the listener. */
  on(type: string, handler: (message: Record<string, any>) => void): () => void;
  /** Removes a listener. */
  off(type: string, handler: (event: any) => void): void;

  /** Calls action `ac` of controller `ct` with a msgid; resolves with the reply's `data`, rejects with {@link KaliSocketError}. */
  call<T = any>(ct: string, ac: string, params?: Record<string, unknown>): Promise<T>;
  /** Sends without msgid and without waiting; queued while disconnected. False when closed or the queue is full. */
  send(ct: string, ac: string, params?: Record<string, unknown>): boolean;
  /** Closes for good; pending calls reject with 410. */
  close(code?: number, reason?: string): void;
}

export default KaliSocket;

type KaliSocketClass = typeof KaliSocket;
declare global {
  /** Defined by the classic script `/kalisocket.js`. */
  var KaliSocket: KaliSocketClass;
}
