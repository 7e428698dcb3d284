package org.arxos.core.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.arxos.api.cache.ValueCodec;
import org.arxos.api.render.RenderResult;
import org.arxos.api.render.RenderedFloor;

/**
 * A drawing of a floor and what made it, as the cache keeps it.
 *
 * @param floor what was drawn, and by which strategy and renderer instances
 * @param bytes the drawing
 */
public record FloorDrawing(RenderedFloor floor, byte[] bytes) {

    /** Version 1: the rendered floor's fields, then the drawing; strings as UTF-8 with their length. */
    static final ValueCodec<FloorDrawing> CODEC = new ValueCodec<>() {

        private static final byte VERSION = 1;

        @Override
        public byte[] encode(FloorDrawing drawing) {
            RenderedFloor floor = drawing.floor();
            RenderResult result = floor.result();
            byte[] strategy = utf8(floor.strategy());
            byte[] renderer = utf8(floor.renderer());
            byte[] mediaType = utf8(result.mediaType());
            ByteBuffer out = ByteBuffer.allocate(1 + 4 * Integer.BYTES + strategy.length + renderer.length
                    + mediaType.length + drawing.bytes().length + 2 * Long.BYTES + 3 * Integer.BYTES + 1);
            out.put(VERSION);
            put(out, strategy).putLong(floor.strategyImplementation());
            put(out, renderer).putLong(floor.rendererImplementation());
            put(out, mediaType).putInt(result.elementCount()).putInt(result.groupCount()).putInt(result.summarized())
                    .put((byte) (result.capped() ? 1 : 0));
            put(out, drawing.bytes());
            return out.array();
        }

        @Override
        public FloorDrawing decode(byte[] bytes) {
            try {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                if (in.get() != VERSION) {
                    throw new IllegalArgumentException("not a version " + VERSION + " floor drawing");
                }
                String strategy = string(in);
                long strategyImplementation = in.getLong();
                String renderer = string(in);
                long rendererImplementation = in.getLong();
                RenderResult result = new RenderResult(string(in), in.getInt(), in.getInt(), in.getInt(),
                        in.get() == 1);
                byte[] drawing = bytes(in);
                if (in.hasRemaining()) {
                    throw new IllegalArgumentException("a floor drawing followed by " + in.remaining() + " more bytes");
                }
                return new FloorDrawing(new RenderedFloor(strategy, strategyImplementation, renderer,
                        rendererImplementation, result), drawing);
            } catch (BufferUnderflowException | NegativeArraySizeException e) {
                throw new IllegalArgumentException("a floor drawing cut short", e);
            }
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private static ByteBuffer put(ByteBuffer out, byte[] bytes) {
            return out.putInt(bytes.length).put(bytes);
        }

        private static String string(ByteBuffer in) {
            return new String(bytes(in), StandardCharsets.UTF_8);
        }

        private static byte[] bytes(ByteBuffer in) {
            int length = in.getInt();
            if (length > in.remaining()) {
                throw new BufferUnderflowException();
            }
            byte[] bytes = new byte[length];
            in.get(bytes);
            return bytes;
        }
    };
}
