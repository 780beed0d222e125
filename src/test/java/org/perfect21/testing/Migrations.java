package org.perfect21.testing;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** The platform's Flyway migrations for a database the test creates itself, as the application runs them. */
public final class Migrations {

    /** The locations {@code spring.flyway.locations} resolves to on H2. */
    public static final String[] H2 = {"classpath:db/migration/common", "classpath:db/migration/h2"};
    /** The locations {@code spring.flyway.locations} resolves to on PostgreSQL. */
    public static final String[] POSTGRESQL = {"classpath:db/migration/common", "classpath:db/migration/postgresql"};

    private Migrations() {
    }

    public static void migrateH2(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(H2).load().migrate();
    }
}
