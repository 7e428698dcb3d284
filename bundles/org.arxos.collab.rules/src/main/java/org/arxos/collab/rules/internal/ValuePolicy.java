package org.arxos.collab.rules.internal;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import org.arxos.api.collab.Conflict;
import org.arxos.collab.lww.ConcurrentWrite;
import org.arxos.model.Change;
import org.arxos.model.PropertyValue;

/** What a concurrent write of a field does, by its configured name. */
enum ValuePolicy {

    LWW("lww"),
    KEEP_LARGER("keep-larger"),
    KEEP_SMALLER("keep-smaller"),
    PARK("park");

    final String configName;

    ValuePolicy(String configName) {
        this.configName = configName;
    }

    /** @param where the setting and entry, for the message */
    static ValuePolicy named(String name, String where) {
        for (ValuePolicy p : values()) {
            if (p.configName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException(where + " names the unknown policy '" + name + "'; use one of "
                + Arrays.stream(values()).map(p -> p.configName).collect(Collectors.joining(", ")));
    }

    /**
     * Keep-larger and keep-smaller compare numbers of the same unit; a write of anything else (text, a flag, a cleared
     * value, another unit, a removal) falls back to last writer wins.
     */
    Conflict.Outcome decide(ConcurrentWrite write) {
        return switch (this) {
            case LWW -> Conflict.Outcome.OVERWRITTEN;
            case PARK -> Conflict.Outcome.PARKED;
            case KEEP_LARGER, KEEP_SMALLER -> {
                PropertyValue current = write.target().properties().get(write.incoming().field()).orElse(null);
                if (write.change() instanceof Change.SetProperty set && set.value() instanceof PropertyValue.Number in
                        && current instanceof PropertyValue.Number now && Objects.equals(in.unit(), now.unit())) {
                    boolean wins = this == KEEP_LARGER ? in.value() >= now.value() : in.value() <= now.value();
                    yield wins ? Conflict.Outcome.OVERWRITTEN : Conflict.Outcome.DROPPED;
                }
                yield Conflict.Outcome.OVERWRITTEN;
            }
        };
    }
}
