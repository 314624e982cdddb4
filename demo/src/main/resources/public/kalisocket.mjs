// ES module entry of kalisocket.js: evaluates the one source file (which defines globalThis.KaliSocket)
// and re-exports it. No logic lives here; see kalisocket.js.
import './kalisocket.js';
const KaliSocket = globalThis.KaliSocket;
const KaliSocketError = KaliSocket.KaliSocketError;
export { KaliSocket, KaliSocketError };
export default KaliSocket;
