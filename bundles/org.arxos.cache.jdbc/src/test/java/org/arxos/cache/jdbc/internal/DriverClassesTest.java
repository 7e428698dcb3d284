package org.arxos.cache.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DriverClassesTest {

    @Test
    void theUrlNamesTheDriverOfItsDataSourceFactory() {
        assertEquals(Optional.of("org.h2.Driver"), DriverClasses.forUrl("jdbc:h2:file:./data/cache"));
        assertEquals(Optional.of("org.postgresql.Driver"), DriverClasses.forUrl("jdbc:postgresql://db:5432/arxos"));
        assertEquals(Optional.empty(), DriverClasses.forUrl("jdbc:mysql://db/arxos"));
    }
}
