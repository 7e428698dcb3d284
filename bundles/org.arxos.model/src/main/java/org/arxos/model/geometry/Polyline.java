package org.arxos.model.geometry;

/** An open path, such as a pipe or duct run: interleaved {@code x0, y0, x1, y1, ...} vertices, at least two. */
public final class Polyline extends VertexPath implements Footprint {

    public Polyline(float... coordinates) {
        super(coordinates, 2, "polyline");
    }
}
