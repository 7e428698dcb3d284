package org.arxos.grouping.internal;

/** A {@link PagedArray} of floats; an index never written reads 0. */
public final class FloatPages extends PagedArray<float[]> {

    public FloatPages() {
    }

    private FloatPages(FloatPages source) {
        super(source);
    }

    /** A writable copy that shares every page with this array until it writes it. */
    public FloatPages writableCopy() {
        return new FloatPages(this);
    }

    public float get(int index) {
        int p = index >>> SHIFT;
        return p < pages.length && pages[p] != null ? ((float[]) pages[p])[index & MASK] : 0;
    }

    /** Sets the entry; copies its page only when the value changes (NaN stays NaN). */
    public void set(int index, float value) {
        if (Float.floatToIntBits(get(index)) != Float.floatToIntBits(value)) {
            writablePage(index)[index & MASK] = value;
        }
    }

    @Override
    float[] newPage() {
        return new float[PAGE];
    }

    @Override
    float[] copy(float[] page) {
        return page.clone();
    }
}
