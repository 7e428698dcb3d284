package org.arxos.compute.ignite.internal;

import java.io.Serializable;

/**
 * What a {@link SliceJob} sends back: the serialized result of its input, or why the task failed. A failure of the
 * task is data, not an exception, so that it is never mistaken for a node failure and failed over.
 */
final class SliceOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final byte[] result;
    private final String failure;

    private SliceOutcome(int index, byte[] result, String failure) {
        this.index = index;
        this.result = result;
        this.failure = failure;
    }

    static SliceOutcome succeeded(int index, byte[] result) {
        return new SliceOutcome(index, result, null);
    }

    static SliceOutcome failed(int index, String failure) {
        return new SliceOutcome(index, null, failure);
    }

    int index() {
        return index;
    }

    byte[] result() {
        return result;
    }

    /** Why the task failed, or null. */
    String failure() {
        return failure;
    }
}
