package org.arxos.compress.bim.column;

import java.util.HashMap;
import java.util.Map;

import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;

/**
 * Footprints: a shape tag, then coordinates in {@link FloatColumn}s, each predicted. A box's corner is predicted by
 * the reference footprint's corner (the previous footprint of the kind, or the object's own before an edit) and its
 * far corner, in columns of its own since its residuals are small, by the corner plus the reference's size; a polygon
 * or polyline vertex by the vertex before it, the first by the reference's corner.
 */
public final class FootprintColumn {

    private static final int NONE = 0;
    private static final int BOUNDS = 1;
    private static final int POLYGON = 2;
    private static final int POLYLINE = 3;
    private static final Bounds ORIGIN = new Bounds(0, 0, 0, 0);

    private FootprintColumn() {
    }

    public static final class Writer {

        private final ByteSink shapes;
        private final FloatColumn.Writer x;
        private final FloatColumn.Writer y;
        private final FloatColumn.Writer farX;
        private final FloatColumn.Writer farY;
        private Bounds previous = ORIGIN;
        private final Map<String, Bounds> lastOfKind = new HashMap<>();

        public Writer(ColumnSet.Writer columns) {
            shapes = columns.add();
            x = new FloatColumn.Writer(columns);
            y = new FloatColumn.Writer(columns);
            farX = new FloatColumn.Writer(columns);
            farY = new FloatColumn.Writer(columns);
        }

        /** Writes the footprint predicted from the previous one written. */
        public void write(Footprint footprint) {
            write(footprint, previous);
        }

        /** Writes the footprint predicted from the previous one written for the same kind, else the previous one. */
        public void write(Footprint footprint, String kind) {
            Bounds reference = lastOfKind.getOrDefault(kind, previous);
            write(footprint, reference);
            if (footprint != null) {
                lastOfKind.put(kind, footprint.bounds());
            }
        }

        /** Writes the footprint predicted from {@code reference}, which the reader must pass too. */
        public void write(Footprint footprint, Bounds reference) {
            if (footprint == null) {
                shapes.write(NONE);
                return;
            }
            if (footprint instanceof Bounds b) {
                shapes.write(BOUNDS);
                x.write(b.minX(), reference.minX());
                y.write(b.minY(), reference.minY());
                farX.write(b.maxX(), b.minX() + reference.width());
                farY.write(b.maxY(), b.minY() + reference.height());
            } else {
                float[] c = footprint instanceof Polygon p ? p.coordinates() : ((Polyline) footprint).coordinates();
                shapes.write(footprint instanceof Polygon ? POLYGON : POLYLINE);
                shapes.writeVarInt(c.length / 2);
                float px = reference.minX();
                float py = reference.minY();
                for (int i = 0; i < c.length; i += 2) {
                    x.write(c[i], px);
                    y.write(c[i + 1], py);
                    px = c[i];
                    py = c[i + 1];
                }
            }
            previous = footprint.bounds();
        }
    }

    public static final class Reader {

        private final ByteSource shapes;
        private final FloatColumn.Reader x;
        private final FloatColumn.Reader y;
        private final FloatColumn.Reader farX;
        private final FloatColumn.Reader farY;
        private Bounds previous = ORIGIN;
        private final Map<String, Bounds> lastOfKind = new HashMap<>();

        public Reader(ColumnSet.Reader columns, String name) {
            shapes = columns.next(name + " shape");
            x = new FloatColumn.Reader(columns, name + " x");
            y = new FloatColumn.Reader(columns, name + " y");
            farX = new FloatColumn.Reader(columns, name + " far x");
            farY = new FloatColumn.Reader(columns, name + " far y");
        }

        public Footprint read() {
            return read(previous);
        }

        public Footprint read(String kind) {
            Footprint footprint = read(lastOfKind.getOrDefault(kind, previous));
            if (footprint != null) {
                lastOfKind.put(kind, footprint.bounds());
            }
            return footprint;
        }

        public Footprint read(Bounds reference) {
            int shape = shapes.read();
            Footprint footprint = switch (shape) {
                case NONE -> null;
                case BOUNDS -> {
                    float minX = x.read(reference.minX());
                    float minY = y.read(reference.minY());
                    float maxX = farX.read(minX + reference.width());
                    float maxY = farY.read(minY + reference.height());
                    yield new Bounds(minX, minY, maxX, maxY);
                }
                case POLYGON, POLYLINE -> {
                    // a vertex takes at least a byte of the x column, which so bounds what corrupt data can allocate
                    int vertices = shapes.readVarInt(x.remaining());
                    float[] c = new float[2 * vertices];
                    float px = reference.minX();
                    float py = reference.minY();
                    for (int i = 0; i < c.length; i += 2) {
                        c[i] = px = x.read(px);
                        c[i + 1] = py = y.read(py);
                    }
                    yield shape == POLYGON ? new Polygon(c) : new Polyline(c);
                }
                default -> throw new MalformedDataException("the " + shapes.name() + " column has an unknown shape "
                        + shape);
            };
            if (footprint != null) {
                previous = footprint.bounds();
            }
            return footprint;
        }
    }
}
