package io.kalisocket.internal.recovery;

import io.kalisocket.config.RecoveryConfig;
import io.kalisocket.connection.Connection;
import io.kalisocket.spi.RecoveryStore;
import io.netty.buffer.ByteBuf;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The {@link RecoveryStore} of a single node: streams live in memory only, and the epoch is this process's. */
public final class LocalStore implements RecoveryStore {

    private final String epoch = HexFormat.of().formatHex(ResumeTokens.random(4));

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public String epoch() {
        return epoch;
    }

    @Override
    public void start(RecoveryConfig config, Control control) {
    }

    @Override
    public void opened(String clientId) {
    }

    @Override
    public void appended(String clientId, long seq, ByteBuf push) {
    }

    @Override
    public void parked(Connection connection) {
    }

    @Override
    public void resumed(String clientId) {
    }

    @Override
    public CompletionStage<Boolean> forgetUnlessClaimed(String clientId) {
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void finished(String clientId) {
    }

    @Override
    public CompletionStage<Claim> claim(String clientId, long last) {
        return CompletableFuture.completedFuture(Claim.refused("expired"));
    }

    @Override
    public void adopted(Connection connection, Claim claim) {
    }

    @Override
    public void abandoned(String clientId) {
    }
}
