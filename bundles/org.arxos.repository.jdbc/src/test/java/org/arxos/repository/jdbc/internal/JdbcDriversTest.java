package org.arxos.repository.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class JdbcDriversTest {

    @Test
    void urlPicksTheDriverOfItsDataSourceFactory() {
        assertEquals(Optional.of("org.h2.Driver"), JdbcDrivers.driverClassFor("jdbc:h2:file:./data/arxos"));
        assertEquals(Optional.of("org.postgresql.Driver"),
                JdbcDrivers.driverClassFor("jdbc:postgresql://db:5432/arxos"));
        assertEquals(Optional.empty(), JdbcDrivers.driverClassFor("jdbc:mysql://db/arxos"));
        assertEquals(Optional.empty(), JdbcDrivers.driverClassFor(null));
    }
}
