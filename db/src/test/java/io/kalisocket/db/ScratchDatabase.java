package io.kalisocket.db;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of the test class's own on the real MariaDB: created empty before the class's tests, dropped
 * after them. Register it as a static {@code @RegisterExtension} field. Without MariaDB the class's tests fail
 * under {@code CI=true} and are skipped elsewhere ({@link MariaDbAdmin#connect()}).
 */
final class ScratchDatabase implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private MariaDbAdmin admin;
    private String url;

    /** @param name the database's name, unique per test class */
    ScratchDatabase(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        admin = MariaDbAdmin.connect();
        url = admin.freshDatabase(name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (admin != null) {
            admin.dropDatabase(name);
            admin.close();
        }
    }

    /** @return the database's name */
    String name() {
        return name;
    }

    /** @return a root connection to the server, for setup and faults */
    MariaDbAdmin admin() {
        return admin;
    }

    /** @return the JDBC URL of the database */
    String url() {
        return url;
    }
}
