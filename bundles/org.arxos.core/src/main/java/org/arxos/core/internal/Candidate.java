package org.arxos.core.internal;

import org.arxos.api.selection.Implementation;

/** One registered implementation of a capability, with the ledger of its guarded calls. */
record Candidate(Implementation implementation, Object service, CallLedger ledger) {

    boolean quarantined() {
        return ledger.quarantined();
    }
}
