package org.arxos.io.ifc.internal.step;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed IFC-SPF file: its header and its entity instances, in file order, by id and by type.
 *
 * <p>References are not checked while reading (a file may refer forward): {@link #entity(long)} returns {@code null}
 * for a missing id, {@link #resolve(StepEntity, int)} throws, {@link #validate()} checks every reference at once and
 * {@link #missingReferences(int)} lists the dangling ones.
 */
public final class StepFile {

    private final String sourceName;
    private final StepHeader header;
    private final StepEntity[] entities;
    private final LongIntIndex byId;
    private final Map<String, List<StepEntity>> byType;

    StepFile(String sourceName, StepHeader header, StepEntity[] entities, LongIntIndex byId,
            Map<String, List<StepEntity>> byType) {
        this.sourceName = sourceName;
        this.header = header;
        this.entities = entities;
        this.byId = byId;
        this.byType = byType;
    }

    public String sourceName() {
        return sourceName;
    }

    public StepHeader header() {
        return header;
    }

    /** The instance {@code #id}, or {@code null} when the file has none. */
    public StepEntity entity(long id) {
        int i = byId.get(id);
        return i < 0 ? null : entities[i];
    }

    /** Every instance in file order. */
    public List<StepEntity> entities() {
        return Collections.unmodifiableList(java.util.Arrays.asList(entities));
    }

    /** The instances of one type, in file order; empty when there are none. */
    public List<StepEntity> entitiesOfType(String upperCaseType) {
        List<StepEntity> list = byType.get(upperCaseType);
        return list == null ? List.of() : list;
    }

    /** The types present, each with its number of instances. */
    public Map<String, Integer> typeCounts() {
        Map<String, Integer> counts = new HashMap<>();
        byType.forEach((type, list) -> counts.put(type, list.size()));
        return counts;
    }

    public int size() {
        return entities.length;
    }

    /**
     * The entity that argument {@code i} of {@code from} refers to.
     *
     * @throws StepFormatException naming the source, the referring entity's line, the argument and the missing id,
     *                             when the argument is not a reference or the file has no such entity
     */
    public StepEntity resolve(StepEntity from, int i) throws StepFormatException {
        long id;
        try {
            id = from.ref(i);
        } catch (StepFormatException e) {
            throw e.withSource(sourceName);
        }
        StepEntity target = entity(id);
        if (target == null) {
            throw missing(from, i, id);
        }
        return target;
    }

    /** The entity {@code #id} that {@code from} refers to through argument {@code i}, checked like {@link #resolve}. */
    public StepEntity resolve(StepEntity from, int i, long id) throws StepFormatException {
        StepEntity target = entity(id);
        if (target == null) {
            throw missing(from, i, id);
        }
        return target;
    }

    /**
     * Checks that every reference, at any depth of every entity, names an entity of the file. Real exporters do leave
     * dangling references (the shared {@code example.ifc} has one, in a window style): an importer should rather
     * resolve lazily with {@link #resolve} and report {@link #missingReferences(int)} as warnings.
     *
     * @throws StepFormatException for the first reference (in file order) to a missing entity
     */
    public void validate() throws StepFormatException {
        List<StepFormatException> missing = missingReferences(1);
        if (!missing.isEmpty()) {
            throw missing.get(0);
        }
    }

    /** Up to {@code max} references to missing entities, in file order, each naming the referring entity's line. */
    public List<StepFormatException> missingReferences(int max) {
        List<StepFormatException> found = new ArrayList<>();
        for (StepEntity e : entities) {
            List<Object> args = e.arguments();
            for (int i = 0; i < args.size() && found.size() < max; i++) {
                long missing = findMissing(args.get(i));
                if (missing >= 0) {
                    found.add(missing(e, i, missing));
                }
            }
            if (found.size() >= max) {
                break;
            }
        }
        return found;
    }

    private long findMissing(Object value) {
        // Iterative: nesting is bounded by the limits, but a validator should not rely on it.
        List<Object> stack = new ArrayList<>();
        stack.add(value);
        while (!stack.isEmpty()) {
            Object v = stack.remove(stack.size() - 1);
            if (v instanceof StepRef r) {
                if (byId.get(r.id()) < 0) {
                    return r.id();
                }
            } else if (v instanceof List<?> list) {
                stack.addAll(list);
            } else if (v instanceof StepTyped t) {
                stack.addAll(t.arguments());
            }
        }
        return -1;
    }

    private StepFormatException missing(StepEntity from, int i, long id) {
        return new StepFormatException(sourceName, from.line(), 0,
                "#" + from.id() + "=" + from.type() + " argument " + i + " refers to #" + id
                        + ", which the file does not define");
    }
}
