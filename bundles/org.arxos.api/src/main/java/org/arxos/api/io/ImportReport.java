package org.arxos.api.io;

import java.util.List;
import java.util.Map;

/**
 * What an import did with its input.
 *
 * @param mapped   entities turned into objects or connections, by entity type
 * @param kept     entities not mapped but kept as typed properties, by entity type
 * @param skipped  entities dropped, by entity type (each with a warning)
 * @param warnings human-readable notes naming the source line where known
 */
public record ImportReport(Map<String, Integer> mapped, Map<String, Integer> kept, Map<String, Integer> skipped,
        List<String> warnings) {

    public ImportReport {
        mapped = Map.copyOf(mapped);
        kept = Map.copyOf(kept);
        skipped = Map.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }
}
