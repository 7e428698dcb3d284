package org.arxos.api.selection;

/**
 * How guarded calls of one implementation went since it was registered (or reinstated).
 *
 * @param implementation  the implementation
 * @param calls           guarded calls made to it
 * @param failures        of those, the ones that failed
 * @param failuresInARow  failures since its last success
 * @param quarantined     whether it is left out of selection while another implementation is available
 * @param lastFailure     its most recent failure, or {@code null} when it has not failed
 */
public record CallRecord(Implementation implementation, long calls, long failures, int failuresInARow,
        boolean quarantined, CallFailure lastFailure) {
}
