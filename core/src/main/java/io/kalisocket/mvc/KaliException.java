package io.kalisocket.mvc;

/**
 * Thrown by an action to answer with an error reply: {@code {"code":code,"msg":message}}. Unlike any other
 * exception (a 500 whose details stay in the server log), its message is shown to the client.
 */
public class KaliException extends RuntimeException {

    private final int code;

    /**
     * @param code the reply's code, not 0
     * @param message the reply's {@code msg}, shown to the client
     */
    public KaliException(int code, String message) {
        super(message, null, false, false);
        if (code == 0) {
            throw new IllegalArgumentException("code 0 means success; an error needs another code");
        }
        this.code = code;
    }

    /** @return the reply's code */
    public int code() {
        return code;
    }

    /** @param message shown to the client @return a 400 */
    public static KaliException badRequest(String message) {
        return new KaliException(ReplyCode.BAD_REQUEST, message);
    }

    /** @param message shown to the client @return a 401 */
    public static KaliException unauthorized(String message) {
        return new KaliException(ReplyCode.UNAUTHORIZED, message);
    }

    /** @param message shown to the client @return a 403 */
    public static KaliException forbidden(String message) {
        return new KaliException(ReplyCode.FORBIDDEN, message);
    }
}
