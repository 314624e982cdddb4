package io.kalisocket.internal.recovery;

/** What a client's return to a push stream gives. */
enum ResumeOutcome {
    /** The connection is on the new socket, and every push after the client's position is on its way. */
    RESUMED,
    /** The stream was finished (its window passed, or it went over its caps): the client starts afresh. */
    CLOSED,
    /** The client's position is past the newest push: nothing the server sent. */
    INVALID,
    /** Pushes the client missed were dropped from the stream: it cannot be recovered exactly. */
    OVERFLOW
}
