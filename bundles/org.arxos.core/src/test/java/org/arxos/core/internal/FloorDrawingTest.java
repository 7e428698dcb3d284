package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.arxos.api.render.RenderResult;
import org.arxos.api.render.RenderedFloor;
import org.junit.jupiter.api.Test;

class FloorDrawingTest {

    private static final FloorDrawing DRAWING = new FloorDrawing(new RenderedFloor("spätial", 12, "svg-png", 1L << 40,
            new RenderResult("image/svg+xml", 120, 7, 3400, true)), "<svg/>".getBytes(StandardCharsets.UTF_8));

    @Test
    void aDrawingComesBackAsItWasStored() {
        FloorDrawing back = FloorDrawing.CODEC.decode(FloorDrawing.CODEC.encode(DRAWING));
        assertEquals(DRAWING.floor(), back.floor());
        assertArrayEquals(DRAWING.bytes(), back.bytes());
        FloorDrawing empty = new FloorDrawing(DRAWING.floor(), new byte[0]);
        assertArrayEquals(new byte[0], FloorDrawing.CODEC.decode(FloorDrawing.CODEC.encode(empty)).bytes());
    }

    @Test
    void damagedBytesAreRefusedNamingTheProblem() {
        byte[] bytes = FloorDrawing.CODEC.encode(DRAWING);
        assertEquals("a floor drawing cut short", assertThrows(IllegalArgumentException.class,
                () -> FloorDrawing.CODEC.decode(Arrays.copyOf(bytes, bytes.length - 1))).getMessage());
        assertEquals("a floor drawing followed by 1 more bytes", assertThrows(IllegalArgumentException.class,
                () -> FloorDrawing.CODEC.decode(Arrays.copyOf(bytes, bytes.length + 1))).getMessage());
        bytes[0] = 9;
        assertEquals("not a version 1 floor drawing", assertThrows(IllegalArgumentException.class,
                () -> FloorDrawing.CODEC.decode(bytes)).getMessage());
    }
}
