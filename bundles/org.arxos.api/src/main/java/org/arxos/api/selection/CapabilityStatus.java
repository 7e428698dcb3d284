package org.arxos.api.selection;

import java.util.List;

/**
 * @param capability      the capability
 * @param implementations every registered implementation, by ranking
 * @param pinned          the pinned implementation's name, or {@code null}
 * @param serving         the serving implementation's name, or {@code null} when none is registered
 */
public record CapabilityStatus(Capability capability, List<Implementation> implementations, String pinned,
        String serving) {

    public CapabilityStatus {
        implementations = List.copyOf(implementations);
    }
}
