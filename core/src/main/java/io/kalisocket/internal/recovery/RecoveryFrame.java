package io.kalisocket.internal.recovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The first frame of a recoverable connection: {@code {"type":"recovery","recovered":...}}. See
 * {@code docs/RECOVERY.md} for every field.
 *
 * @param type always {@code recovery}
 * @param recovered true when the client got its old connection back
 * @param clientId the connection's client id
 * @param token the token to present on return
 * @param epoch the epoch to present with it
 * @param seq the position the stream is at for the client
 * @param missed on a return, how many pushes follow before live traffic
 * @param reason on a failed return, why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RecoveryFrame(String type, boolean recovered, @JsonProperty("client_id") String clientId, String token,
        String epoch, long seq, Long missed, String reason) {

    /** @param clientId the new connection @param token its token @param epoch the epoch @param reason why a
     *     return failed, or null @return the frame */
    static RecoveryFrame fresh(String clientId, String token, String epoch, String reason) {
        return new RecoveryFrame("recovery", false, clientId, token, epoch, 0, null, reason);
    }

    /** @param clientId the connection @param token its token @param epoch the epoch @param seq the client's
     *     position @param missed pushes that follow @return the frame */
    static RecoveryFrame resumed(String clientId, String token, String epoch, long seq, long missed) {
        return new RecoveryFrame("recovery", true, clientId, token, epoch, seq, missed, null);
    }
}
