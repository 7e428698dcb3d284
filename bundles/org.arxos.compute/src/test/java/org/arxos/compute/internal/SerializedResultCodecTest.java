package org.arxos.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class SerializedResultCodecTest {

    @Test
    void aResultRoundTrips() {
        SerializedResultCodec<TestCalculations.FloorCounts> codec =
                new SerializedResultCodec<>(TestCalculations.FloorCounts.class);
        TestCalculations.FloorCounts counts = new TestCalculations.FloorCounts(List.of(3, 1, 4), 8);
        assertEquals(counts, codec.decode(codec.encode(counts)));
    }

    @Test
    void classesOutsideTheResultsBundleAndJavaAreRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ObjectName("arxos:type=test"));
        }
        SerializedResultCodec<TestCalculations.FloorCounts> codec =
                new SerializedResultCodec<>(TestCalculations.FloorCounts.class);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> codec.decode(bytes.toByteArray()));
        assertTrue(refused.getMessage().startsWith("a cached result of type "
                + TestCalculations.FloorCounts.class.getName() + " could not be read: java.io.InvalidClassException: "
                + "filter status: REJECTED"), refused.getMessage());
    }

    @Test
    void aValueOfAnotherTypeIsRefused() {
        SerializedResultCodec<String> strings = new SerializedResultCodec<>(String.class);
        SerializedResultCodec<TestCalculations.FloorCounts> counts =
                new SerializedResultCodec<>(TestCalculations.FloorCounts.class);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> counts.decode(strings.encode("text")));
        assertEquals("a cached result is a java.lang.String, not a " + TestCalculations.FloorCounts.class.getName(),
                refused.getMessage());
    }
}
