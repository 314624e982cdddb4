package io.kalisocket.http;

/**
 * A small HTTP endpoint served on the WebSocket port, beside the socket: a login that hands out tokens, a health
 * probe of the application, a webhook. Registered with {@code KaliServer.http(path, endpoint)}.
 *
 * <p>It runs on an action thread, never on an event loop, so it may block briefly (a database look-up). The
 * request's body is at most 16 KiB (a larger one is answered 413 before the endpoint runs). An exception it throws
 * is answered 500 {@code internal error} and logged; its message never reaches the client.
 */
@FunctionalInterface
public interface HttpEndpoint {

    /**
     * @param request the request, any method: answer {@link HttpResponse#methodNotAllowed} to the ones not served
     * @return the response
     * @throws Exception anything: answered 500
     */
    HttpResponse handle(HttpRequest request) throws Exception;
}
