package io.kalisocket.cluster;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps a re-announcement of this node's state and this node's own membership changes apart. A re-announcement
 * reads the node's memory and writes it to Redis; a change to a local connection writes Redis and then memory. Were
 * they to interleave, a removal (leave, unbind, ungroup, a session entry) written between the announcement's read and
 * its write would be undone in Redis and stay undone. Changes share the fence, an announcement holds it alone
 * (it runs after a reconnection or failover only, so changes rarely wait).
 */
final class AnnounceFence {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** @param change a membership change of a local connection: its Redis write and its local update */
    void change(Runnable change) {
        lock.readLock().lock();
        try {
            change.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @param announcement reads the node's memory and writes it to Redis, with no local change in between */
    void announce(Runnable announcement) {
        lock.writeLock().lock();
        try {
            announcement.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
