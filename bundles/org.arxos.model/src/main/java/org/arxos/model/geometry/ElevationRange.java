package org.arxos.model.geometry;

/** The vertical extent of an object, in metres above the building's datum. */
public record ElevationRange(float bottom, float top) {

    public ElevationRange {
        if (!Float.isFinite(bottom) || !Float.isFinite(top) || bottom > top) {
            throw new IllegalArgumentException("elevation range must be finite with bottom <= top: " + bottom + ".." + top);
        }
    }

    public float height() {
        return top - bottom;
    }

    public boolean overlaps(ElevationRange other) {
        return bottom <= other.top && other.bottom <= top;
    }
}
