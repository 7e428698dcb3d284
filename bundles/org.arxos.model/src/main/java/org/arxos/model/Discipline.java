package org.arxos.model;

import java.util.Locale;
import java.util.Optional;

/** The trade a system belongs to; a system's {@link BuildingObject#kind() kind} is its discipline's id. */
public enum Discipline {
    ELECTRICAL,
    MECHANICAL,
    PLUMBING,
    STRUCTURAL,
    LIFE_SAFETY,
    ARCHITECTURAL;

    /** The lower-case, hyphenated id, e.g. {@code "life-safety"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Discipline> of(String id) {
        for (Discipline d : values()) {
            if (d.id().equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
