package io.kalisocket.spring.boot;

import io.kalisocket.db.Db;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * With {@code kalisocket-db} on the classpath and a {@link DataSource} bean (Spring Boot's HikariCP pool), a
 * {@link Db} bean on that pool: no second pool. The application's pool keeps its settings and is closed by Spring,
 * not by the Db. The pool's figures appear as the {@code db} section of the status report.
 */
@AutoConfiguration(before = KaliSocketAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({Db.class, DataSource.class})
@ConditionalOnBean(DataSource.class)
public class KaliSocketDbAutoConfiguration {

    /**
     * @param dataSource the application's pool
     * @return the Db over it
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(DataSource.class)
    public Db kalisocketDb(DataSource dataSource) {
        return Db.using(dataSource);
    }

    /**
     * @param db the Db
     * @return the {@code db} section: the pool's active, idle, total and waiting connections
     */
    @Bean
    public KaliSocketStatusSection kalisocketDbStatus(Db db) {
        return new KaliSocketStatusSection("db", db::poolStats);
    }
}
