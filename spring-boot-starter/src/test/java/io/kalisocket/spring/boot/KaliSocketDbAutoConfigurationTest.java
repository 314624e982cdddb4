package io.kalisocket.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kalisocket.db.Db;
import io.kalisocket.spring.boot.app.TestApp;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** With kalisocket-db and Spring's DataSource (H2 here), the Db bean runs on Spring's pool: no second pool. */
class KaliSocketDbAutoConfigurationTest {

    /** Puts Spring's DataSource back (the other tests' application.properties leave it out). */
    private static final String WITH_DATA_SOURCE = "--spring.autoconfigure.exclude=";

    @Test
    void dbUsesTheApplicationsDataSource() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApp.class)
                .web(WebApplicationType.NONE)
                .properties("kalisocket.server.port=0", "spring.datasource.url=jdbc:h2:mem:starter;DB_CLOSE_DELAY=-1",
                        "spring.datasource.hikari.pool-name=spring-pool")
                .run(WITH_DATA_SOURCE)) {
            Db db = context.getBean(Db.class);
            db.update("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(20))");
            db.update("INSERT INTO note VALUES (1, 'shared')");
            HikariDataSource spring = (HikariDataSource) context.getBean(DataSource.class);
            try (var connection = spring.getConnection(); var rs = connection.createStatement()
                    .executeQuery("SELECT text FROM note WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("shared");
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
            List<Map<String, Object>> pools = db.poolStats();
            assertThat(pools).hasSize(1);
            assertThat(spring.getHikariPoolMXBean().getTotalConnections()).isPositive();
            assertThat(context.getBean(KaliSocketEndpoint.class).status()).containsKey("db");
        }
    }

    @Test
    void closingTheContextLeavesThePoolToSpring() {
        HikariDataSource spring;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApp.class)
                .web(WebApplicationType.NONE)
                .properties("kalisocket.server.port=0", "spring.datasource.url=jdbc:h2:mem:starter2")
                .run(WITH_DATA_SOURCE)) {
            spring = (HikariDataSource) context.getBean(DataSource.class);
            context.getBean(Db.class).close();
            assertThat(spring.isClosed()).isFalse();
        }
        assertThat(spring.isClosed()).isTrue();
    }
}
