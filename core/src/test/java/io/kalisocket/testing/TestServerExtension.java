package io.kalisocket.testing;

import io.kalisocket.gateway.Gateway;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestServer} per test or per class, as a JUnit extension. In a {@code static} field the server
 * lives for the whole class; in an instance field, one per test. Either way it is closed afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * final TestServerExtension server = new TestServerExtension(() -> TestServer.start(MyApp::server));
 *
 * @Test
 * void something() {
 *     TestClient ann = server.connect("uid=ann");
 * }
 * }</pre>
 */
public final class TestServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private final Supplier<TestServer> starter;
    private boolean perClass;
    private TestServer server;

    /** @param starter starts the server */
    public TestServerExtension(Supplier<TestServer> starter) {
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        server = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            server = starter.get();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }

    private void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** @return the running server @throws IllegalStateException outside a test */
    public TestServer server() {
        if (server == null) {
            throw new IllegalStateException("the server runs only during a test");
        }
        return server;
    }

    /** @return a new client, connected */
    public TestClient connect() {
        return server().connect();
    }

    /** @param query the query string, without {@code ?} @return a new client, connected */
    public TestClient connect(String query) {
        return server().connect(query);
    }

    /** @param count how many @return as many new clients, connected */
    public List<TestClient> connect(int count) {
        return server().connect(count);
    }

    /** @return the server's gateway */
    public Gateway gateway() {
        return server().gateway();
    }

    /** @return the bound port */
    public int port() {
        return server().port();
    }
}
