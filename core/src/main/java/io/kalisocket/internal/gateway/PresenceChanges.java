package io.kalisocket.internal.gateway;

import io.kalisocket.gateway.Presence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The presence changes of one interval, net: a connection that came and went within it is not news to anybody,
 * so it cancels out, as does one that went and came back (a recovered client). Entries keep their order of arrival.
 * Thread-safe: connect and close actions add from many threads while the timer drains.
 */
public final class PresenceChanges {

    private final Map<String, Presence.Entry> online = new LinkedHashMap<>();
    private final Map<String, Presence.Entry> offline = new LinkedHashMap<>();

    /** @param entry a connection that came */
    public synchronized void online(Presence.Entry entry) {
        if (offline.remove(entry.clientId()) == null) {
            online.put(entry.clientId(), entry);
        }
    }

    /** @param entry a connection that left */
    public synchronized void offline(Presence.Entry entry) {
        if (online.remove(entry.clientId()) == null) {
            offline.put(entry.clientId(), entry);
        }
    }

    /** @return how many changes wait */
    public synchronized int size() {
        return online.size() + offline.size();
    }

    /** Forgets every waiting change. */
    public synchronized void clear() {
        online.clear();
        offline.clear();
    }

    /**
     * Takes every waiting change.
     *
     * @param maxEntries entries per frame, online and offline together
     * @return the frames that carry them, online entries first; none when nothing changed
     */
    public List<Presence.Frame> drain(int maxEntries) {
        List<Presence.Entry> came;
        List<Presence.Entry> went;
        synchronized (this) {
            came = new ArrayList<>(online.values());
            went = new ArrayList<>(offline.values());
            clear();
        }
        List<Presence.Frame> frames = new ArrayList<>();
        int cameAt = 0;
        int wentAt = 0;
        while (cameAt < came.size() || wentAt < went.size()) {
            int cameTo = Math.min(came.size(), cameAt + maxEntries);
            int wentTo = Math.min(went.size(), wentAt + maxEntries - (cameTo - cameAt));
            frames.add(Presence.Frame.of(came.subList(cameAt, cameTo), went.subList(wentAt, wentTo)));
            cameAt = cameTo;
            wentAt = wentTo;
        }
        return frames;
    }
}
