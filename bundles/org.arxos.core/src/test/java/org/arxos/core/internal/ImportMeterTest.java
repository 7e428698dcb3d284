package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ImportMeterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);

    @Test
    void percentAndRatesFromBytesObjectsAndTime() {
        ImportMeter meter = new ImportMeter(now::get, 3 * SECOND, 2_800_000);
        assertEquals(0.0, meter.percent());
        assertEquals(0.0, meter.objectsPerSecond());
        meter.start();
        now.addAndGet(SECOND + SECOND / 2);
        meter.bytesRead(1_000_000);
        meter.bytesRead(204_000);
        meter.objectsRead(12_345);
        assertEquals(43.0, meter.percent(), 0.001);
        assertEquals(1.5, meter.elapsedSeconds(), 1e-9);
        assertEquals(8230.0, meter.objectsPerSecond(), 0.001);
        assertEquals("43 % (1.2 MB of 2.8 MB), 12 345 objects, 8 230 objects/s", meter.describe());
    }

    @Test
    void unknownTotalHasNoPercentAndMoreBytesThanDeclaredStopAtAHundred() {
        ImportMeter unknown = new ImportMeter(now::get, SECOND, -1);
        unknown.start();
        unknown.bytesRead(3_500_000);
        assertNull(unknown.percent());
        assertTrue(unknown.describe().startsWith("3.5 MB, 0 objects"), unknown.describe());

        ImportMeter lying = new ImportMeter(now::get, SECOND, 10);
        lying.start();
        lying.bytesRead(20);
        assertEquals(100.0, lying.percent());

        ImportMeter empty = new ImportMeter(now::get, SECOND, 0);
        assertEquals(0.0, empty.percent());
        empty.start();
        assertEquals(100.0, empty.percent());
    }

    @Test
    void ratesFreezeWhenStopped() {
        ImportMeter meter = new ImportMeter(now::get, SECOND, -1);
        meter.start();
        now.addAndGet(2 * SECOND);
        meter.objectsRead(1000);
        meter.stop();
        now.addAndGet(100 * SECOND);
        assertEquals(2.0, meter.elapsedSeconds(), 1e-9);
        assertEquals(500.0, meter.objectsPerSecond(), 1e-9);
    }

    @Test
    void aReportIsDueAtMostOncePerInterval() {
        ImportMeter meter = new ImportMeter(now::get, 3 * SECOND, -1);
        assertFalse(meter.reportDue(), "not before the start");
        meter.start();
        assertFalse(meter.reportDue());
        now.addAndGet(2 * SECOND);
        assertFalse(meter.reportDue());
        now.addAndGet(SECOND);
        assertTrue(meter.reportDue());
        assertFalse(meter.reportDue());
        now.addAndGet(2 * SECOND);
        assertFalse(meter.reportDue());
        now.addAndGet(SECOND);
        assertTrue(meter.reportDue());
    }

    @Test
    void groupedNumbers() {
        assertEquals("0", ImportMeter.grouped(0));
        assertEquals("999", ImportMeter.grouped(999));
        assertEquals("1 000 000", ImportMeter.grouped(1_000_000));
        assertEquals("0.0 MB", ImportMeter.megabytes(0));
        assertEquals("2.8 MB", ImportMeter.megabytes(2_800_000));
    }
}
