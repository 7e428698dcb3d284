package org.arxos.model.geometry;

import java.util.Arrays;

/** An open path, such as a pipe or duct run: interleaved {@code x0, y0, x1, y1, ...} vertices, at least two. */
public record Polyline(float[] coordinates, Bounds bounds) implements Footprint {

    public Polyline {
        if (coordinates.length < 4) {
            throw new IllegalArgumentException("a polyline needs at least 2 vertices, got " + coordinates.length / 2);
        }
        coordinates = coordinates.clone();
        bounds = Bounds.around(coordinates);
    }

    public Polyline(float... coordinates) {
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
        return o instanceof Polyline p && Arrays.equals(coordinates, p.coordinates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return "Polyline" + Arrays.toString(coordinates);
    }
}
