package org.arxos.model.geometry;

/** A closed outline: interleaved {@code x0, y0, x1, y1, ...} vertices, at least three, the last joined to the first. */
public final class Polygon extends VertexPath implements Footprint {

    public Polygon(float... coordinates) {
        super(coordinates, 3, "polygon");
    }
}
