package io.kalisocket.internal.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Resume tokens: issued for a client id, checked without a lookup. */
class ResumeTokensTest {

    @Test
    void verify_givesBackTheClientId_ofAGenuineToken() {
        ResumeTokens tokens = new ResumeTokens("s3cret", "e1");
        String token = tokens.issue("n1-abc-7");
        assertThat(token).startsWith("n1-abc-7.");
        assertThat(tokens.verify(token)).contains("n1-abc-7");
        assertThat(new ResumeTokens("s3cret", "e1").verify(token)).as("another node, same secret").contains("n1-abc-7");
    }

    @Test
    void verify_refusesForgedOrForeignTokens() {
        ResumeTokens tokens = new ResumeTokens("s3cret", "e1");
        String token = tokens.issue("n1-abc-7");
        assertThat(tokens.verify(token.replace("n1-abc-7", "n1-abc-8"))).isEmpty();
        assertThat(tokens.verify("n1-abc-7.AAAA")).isEmpty();
        assertThat(tokens.verify("garbage")).isEmpty();
        assertThat(tokens.verify("n1.%%%")).isEmpty();
        assertThat(new ResumeTokens("other", "e1").verify(token)).isEmpty();
        assertThat(new ResumeTokens("s3cret", "e2").verify(token)).as("another epoch").isEmpty();
        assertThat(new ResumeTokens("", "e1").verify(new ResumeTokens("", "e1").issue("x"))).as("random keys").isEmpty();
    }
}
