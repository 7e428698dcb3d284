package org.arxos.core.internal;

import java.time.Duration;

/**
 * How guarded calls treat implementations.
 *
 * @param timeout         the longest one call may take; zero for no limit (the call then runs on the caller's thread)
 * @param quarantineAfter failures in a row after which an implementation is quarantined; zero never quarantines
 */
record CallSettings(Duration timeout, int quarantineAfter) {

    CallSettings {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(SelectionConfiguration.PID
                    + ": call.timeout.millis must be zero or more, was " + timeout.toMillis());
        }
        if (quarantineAfter < 0) {
            throw new IllegalArgumentException(SelectionConfiguration.PID
                    + ": quarantine.failures must be zero or more, was " + quarantineAfter);
        }
    }

    static CallSettings of(SelectionConfiguration configuration) {
        return new CallSettings(Duration.ofMillis(configuration.call_timeout_millis()),
                configuration.quarantine_failures());
    }
}
