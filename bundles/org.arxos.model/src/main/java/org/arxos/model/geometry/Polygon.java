package org.arxos.model.geometry;

import java.util.Arrays;

/** A closed outline: interleaved {@code x0, y0, x1, y1, ...} vertices, at least three, the last joined to the first. */
public record Polygon(float[] coordinates, Bounds bounds) implements Footprint {

    public Polygon {
        if (coordinates.length < 6) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices, got " + coordinates.length / 2);
        }
        coordinates = coordinates.clone();
        bounds = Bounds.around(coordinates);
    }

    public Polygon(float... coordinates) {
        this(coordinates, null);
    }

    @Override
    public float[] coordinates() {
        return coordinates.clone();
    }

    public int vertexCount() {
        return coordinates.length / 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polygon p && Arrays.equals(coordinates, p.coordinates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return "Polygon" + Arrays.toString(coordinates);
    }
}
