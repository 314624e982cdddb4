// A TCP proxy on loopback that a test owns, put between a client and the server to lose the network:
// cut() ends every proxied connection at the TCP level (no WebSocket close frame goes either way, as when a
// phone loses its signal) and refuses new ones until restore(). It ends them with a FIN, not a reset: a reset
// makes the server (core) write its own close frame while failing the socket, which ends the connection for
// good instead of parking it (docs/RECOVERY.md section 3, known gap).
import { createServer, connect } from 'node:net';

export class TcpProxy {
  /** @param {number} targetPort the server's port on 127.0.0.1 */
  static async start(targetPort) {
    const proxy = new TcpProxy(targetPort);
    await new Promise((resolve, reject) => {
      proxy.listener.once('error', reject);
      proxy.listener.listen(0, '127.0.0.1', resolve);
    });
    proxy.port = proxy.listener.address().port;
    proxy.url = `ws://127.0.0.1:${proxy.port}/`;
    return proxy;
  }

  constructor(targetPort) {
    this.targetPort = targetPort;
    this.sockets = new Set();
    this.refusing = false;
    this.accepted = 0;
    this.listener = createServer((client) => this.accept(client));
  }

  accept(client) {
    if (this.refusing) { client.resetAndDestroy(); return; }
    this.accepted++;
    const upstream = connect(this.targetPort, '127.0.0.1');
    for (const [a, b] of [[client, upstream], [upstream, client]]) {
      this.sockets.add(a);
      a.on('error', () => b.destroy());
      a.on('close', () => { this.sockets.delete(a); b.destroy(); });
      a.pipe(b);
    }
  }

  /** Ends every proxied connection and refuses new ones: the network is gone. */
  cut() {
    this.refusing = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Proxies new connections again: the network is back. */
  restore() {
    this.refusing = false;
  }

  /** @returns {Promise<void>} once the listener is closed and every connection reset */
  close() {
    this.cut();
    return new Promise((resolve) => this.listener.close(() => resolve()));
  }
}
