package org.arxos.model.geometry;

import java.util.Arrays;

/** Interleaved {@code x0, y0, x1, y1, ...} vertices with their bounds: what polygons and polylines share. */
abstract sealed class VertexPath permits Polygon, Polyline {

    private final float[] coordinates;
    private final Bounds bounds;

    VertexPath(float[] coordinates, int minVertices, String what) {
        if (coordinates.length < 2 * minVertices || coordinates.length % 2 != 0) {
            throw new IllegalArgumentException("a " + what + " needs at least " + minVertices
                    + " vertices as x,y pairs, got " + coordinates.length + " values");
        }
        this.coordinates = coordinates.clone();
        this.bounds = Bounds.around(this.coordinates);
    }

    /** A copy of the vertices. */
    public float[] coordinates() {
        return coordinates.clone();
    }

    public float x(int vertex) {
        return coordinates[2 * vertex];
    }

    public float y(int vertex) {
        return coordinates[2 * vertex + 1];
    }

    public int vertexCount() {
        return coordinates.length / 2;
    }

    public Bounds bounds() {
        return bounds;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(coordinates, ((VertexPath) o).coordinates);
    }

    @Override
    public int hashCode() {
        return 31 * getClass().hashCode() + Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + Arrays.toString(coordinates);
    }
}
