package org.arxos.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The trade a system belongs to; a system's {@link BuildingObject#kind() kind} is its discipline's id. */
public enum Discipline {
    ELECTRICAL,
    MECHANICAL,
    PLUMBING,
    STRUCTURAL,
    LIFE_SAFETY,
    ARCHITECTURAL;

    /** Calculations look disciplines up for every component of a building: by a map, not by building ids. */
    private static final Map<String, Discipline> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Discipline::id, Function.identity()));

    private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The lower-case, hyphenated id, e.g. {@code "life-safety"}. */
    public String id() {
        return id;
    }

    public static Optional<Discipline> of(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }
}
