package io.kalisocket.cluster;

import java.util.UUID;

/**
 * Where the tests find Redis: the machine's, on 127.0.0.1:6379. A test that needs it starts with
 * {@code RequiredService.redis().require()} (failed under {@code CI=true} without it, skipped elsewhere).
 */
final class RedisForTests {

    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    static final String URI = "redis://" + HOST + ":" + PORT;

    private RedisForTests() {
    }

    /** @return a key prefix no other test run uses, so tests never see each other's keys */
    static String freshPrefix() {
        return "kstest:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }
}
