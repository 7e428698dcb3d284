package org.arxos.model.geometry;

/** An axis-aligned rectangle; also the footprint of objects whose exact outline is unknown. */
public record Bounds(float minX, float minY, float maxX, float maxY) implements Footprint {

    public Bounds {
        if (!Float.isFinite(minX) || !Float.isFinite(minY) || !Float.isFinite(maxX) || !Float.isFinite(maxY)) {
            throw new IllegalArgumentException("bounds must be finite: " + minX + "," + minY + "," + maxX + "," + maxY);
        }
        if (minX > maxX || minY > maxY) {
            throw new IllegalArgumentException("bounds min must not exceed max: " + minX + "," + minY + "," + maxX + "," + maxY);
        }
    }

    @Override
    public Bounds bounds() {
        return this;
    }

    public float width() {
        return maxX - minX;
    }

    public float height() {
        return maxY - minY;
    }

    public double area() {
        return (double) width() * height();
    }

    public boolean intersects(Bounds other) {
        return minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY;
    }

    public boolean contains(Bounds other) {
        return minX <= other.minX && minY <= other.minY && other.maxX <= maxX && other.maxY <= maxY;
    }

    public Bounds union(Bounds other) {
        return new Bounds(Math.min(minX, other.minX), Math.min(minY, other.minY),
                Math.max(maxX, other.maxX), Math.max(maxY, other.maxY));
    }

    /** The smallest bounds around interleaved {@code x0, y0, x1, y1, ...} coordinates. */
    public static Bounds around(float[] coordinates) {
        if (coordinates.length < 2 || coordinates.length % 2 != 0) {
            throw new IllegalArgumentException("coordinates must be x,y pairs, got " + coordinates.length + " values");
        }
        float minX = Float.POSITIVE_INFINITY, minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY, maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < coordinates.length; i += 2) {
            minX = Math.min(minX, coordinates[i]);
            maxX = Math.max(maxX, coordinates[i]);
            minY = Math.min(minY, coordinates[i + 1]);
            maxY = Math.max(maxY, coordinates[i + 1]);
        }
        return new Bounds(minX, minY, maxX, maxY);
    }
}
