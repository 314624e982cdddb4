package io.kalisocket.demo.chat;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link MessageStore} that only numbers messages (1, 2, 3...) and stamps them; it keeps none. */
public final class InMemoryMessageStore implements MessageStore {

    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    /** Stamps with the system clock. */
    public InMemoryMessageStore() {
        this(Clock.systemUTC());
    }

    /** @param clock where message times come from */
    public InMemoryMessageStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ChatMessage save(String room, String from, String text) {
        return new ChatMessage(ids.incrementAndGet(), room, from, text, clock.millis());
    }
}
