package org.arxos.core.internal;

import org.arxos.api.selection.CallFailure;
import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Implementation;

/** The guarded calls of one registered implementation: counts, the last failure, and whether it is quarantined. */
final class CallLedger {

    private long calls;
    private long failures;
    private int failuresInARow;
    private CallFailure lastFailure;
    private boolean quarantined;

    synchronized void succeeded() {
        calls++;
        failuresInARow = 0;
    }

    /** Counts the failure; answers whether it is the one that quarantines the implementation. */
    synchronized boolean failed(CallFailure failure, int quarantineAfter) {
        calls++;
        failures++;
        failuresInARow++;
        lastFailure = failure;
        if (!quarantined && quarantineAfter > 0 && failuresInARow >= quarantineAfter) {
            quarantined = true;
            return true;
        }
        return false;
    }

    synchronized boolean quarantined() {
        return quarantined;
    }

    /** Ends the quarantine and forgets the failures in a row; answers whether it was quarantined. */
    synchronized boolean reinstate() {
        boolean was = quarantined;
        quarantined = false;
        failuresInARow = 0;
        return was;
    }

    synchronized CallRecord record(Implementation implementation) {
        return new CallRecord(implementation, calls, failures, failuresInARow, quarantined, lastFailure);
    }
}
