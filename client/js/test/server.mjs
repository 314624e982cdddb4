// Starts a real KaliSocket server (the demo fat jar) as a child process for the Node tests.
// KS_SERVER_CMD overrides the command; "{port}" in it is replaced by the port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const demoJar = process.env.KS_DEMO_JAR || path.join(repo, 'demo/target/kalisocket-demo.jar');

/** @returns {Promise<number>} a TCP port that was free a moment ago on 127.0.0.1 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Waits until `check()` returns a truthy value (or a promise of one); fails after `ms`. */
export async function until(check, ms = 60000, what = 'condition') {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function canOpen(url) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.onopen = () => { ws.close(); resolve(true); };
    ws.onerror = () => resolve(false);
  });
}

/** @returns whether an HTTP GET of `url` is answered at all (a server that refuses every WebSocket still serves HTTP) */
async function canGet(url) {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * A server process on a fixed port that can be stopped and started again (a restart keeps the port).
 * `args` are more flags for the demo jar, e.g. `['--set', 'recovery.max-messages=3']`. `readyWhen: 'http'` waits
 * for an HTTP answer instead of an open WebSocket: for servers that refuse this test's WebSocket (auth, origins).
 */
export class ServerProcess {
  constructor(port, args = [], { readyWhen = 'websocket' } = {}) {
    this.port = port;
    this.args = args;
    this.readyWhen = readyWhen;
    this.url = `ws://127.0.0.1:${port}/`;
    this.http = `http://127.0.0.1:${port}/`;
    this.child = null;
    this.log = '';
  }

  static async start(args = [], options = {}) {
    const s = new ServerProcess(await freePort(), args, options);
    await s.start();
    return s;
  }

  async start() {
    const cmd = process.env.KS_SERVER_CMD;
    const [bin, ...args] = cmd
      ? cmd.replaceAll('{port}', String(this.port)).split(' ')
      : ['java', '-jar', demoJar, '--port', String(this.port), '--admin-port', '0', ...this.args]; // admin on a free port
    if (!cmd && !existsSync(demoJar)) throw new Error(`${demoJar} is missing: mvn -pl demo -am package -DskipTests`);
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.exited = exited;
    child.stdout.on('data', (d) => { this.log += d; });
    child.stderr.on('data', (d) => { this.log += d; });
    let dead = false;
    exited.then(() => { dead = true; });
    await until(async () => {
      if (dead) throw new Error('server exited early:\n' + this.log);
      return this.readyWhen === 'http' ? canGet(this.http) : canOpen(this.url);
    }, 60000, 'server on ' + this.url);
  }

  /** Stops the process (SIGTERM: a graceful stop) and waits for it to exit. */
  async stop() {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await child.exited;
  }

  async restart() {
    await this.stop();
    await this.start();
  }
}
