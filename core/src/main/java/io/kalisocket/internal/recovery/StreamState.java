package io.kalisocket.internal.recovery;

/** Where a push stream is. */
enum StreamState {
    /** On a socket: pushes are written as they come. */
    LIVE,
    /** No socket: pushes are kept until the client returns or the window passes. */
    PARKED,
    /** Finished for good. */
    CLOSED
}
