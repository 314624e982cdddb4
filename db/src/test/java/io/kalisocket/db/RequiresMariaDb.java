package io.kalisocket.db;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when the real MariaDB answers on 127.0.0.1:3306 (root, no password). When it
 * does not: with {@code CI=true} the class fails (in CI these tests must run, never skip); otherwise its
 * tests are reported as skipped, with the reason and how to enable them in the test report.
 */
final class RequiresMariaDb implements ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RequiresMariaDb.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // Probed once per test run, kept in JUnit's root store.
        String unreachable = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("unreachable", key -> probe(), String.class);
        if (unreachable.isEmpty()) {
            return ConditionEvaluationResult.enabled("MariaDB answers on 127.0.0.1:3306");
        }
        String why = "MariaDB is not reachable on 127.0.0.1:3306 as root without password (" + unreachable + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(why + "; CI=true, so the MariaDB tests fail instead of skipping."
                    + " .ci/run must start mariadbd");
        }
        String skipped = why + ": MariaDB tests skipped. To run them, start mariadbd (as .ci/run does:"
                + " `start-stop-daemon --start --background --exec /usr/sbin/mariadbd`); with CI=true they fail"
                + " instead of skipping";
        System.err.println(skipped);
        return ConditionEvaluationResult.disabled(skipped);
    }

    private static String probe() {
        try (var connection = DriverManager.getConnection(MariaDbAdmin.SERVER + "?connectTimeout=2000", "root", "")) {
            return connection.isValid(2) ? "" : "the server does not answer a ping";
        } catch (SQLException e) {
            return String.valueOf(e.getMessage());
        }
    }
}
