package io.kalisocket.launcher;

/** A command line the launcher cannot follow; the message names the problem in one line. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String problem) {
        super(problem);
    }
}
