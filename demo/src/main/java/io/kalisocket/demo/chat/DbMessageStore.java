package io.kalisocket.demo.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@link MessageStore} in the demo's database: a message's id is its stored row's id. */
public final class DbMessageStore implements MessageStore {

    private final DemoDatabase database;
    private final Clock clock;

    /** @param database the demo's database, open while the server runs */
    public DbMessageStore(DemoDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** @param database the demo's database @param clock where message times come from */
    public DbMessageStore(DemoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public ChatMessage save(String room, String from, String text) {
        long ts = clock.millis();
        long id = database.db().insert("INSERT INTO chat_message (room, sender, text, ts) VALUES (?, ?, ?, ?)",
                room, from, text, ts);
        return new ChatMessage(id, room, from, text, ts);
    }

    @Override
    public List<ChatMessage> history(String room, int limit) {
        List<ChatMessage> newestFirst = new ArrayList<>(database.db().query(ChatMessage.class,
                "SELECT id, room, sender AS \"from\", text, ts FROM chat_message WHERE room = ? ORDER BY id DESC LIMIT ?",
                room, limit));
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
