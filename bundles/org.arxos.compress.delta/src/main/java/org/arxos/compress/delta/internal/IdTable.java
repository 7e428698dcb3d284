package org.arxos.compress.delta.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arxos.compress.bim.column.MalformedDataException;
import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.Revision;

/**
 * The object (or connection) ids a delta refers to by number: the base's, sorted (so that two bases with the same
 * content number them alike, whatever order their children were added in), then each one the change set adds.
 */
final class IdTable {

    private final List<String> ids;
    private Map<String, Integer> numbers;

    private IdTable(List<String> ids) {
        this.ids = ids;
    }

    static IdTable ofObjects(Revision base) {
        return sorted(base.objects().map(BuildingObject::id).toArray(String[]::new));
    }

    static IdTable ofConnections(Revision base) {
        return sorted(base.connections().map(Connection::id).toArray(String[]::new));
    }

    private static IdTable sorted(String[] ids) {
        Arrays.sort(ids);
        return new IdTable(new ArrayList<>(Arrays.asList(ids)));
    }

    /** The number of an id in the table; an id added again after its removal has its latest number. */
    int numberOf(String id) {
        if (numbers == null) {
            numbers = new HashMap<>(ids.size() * 4 / 3 + 16);
            for (int n = 0; n < ids.size(); n++) {
                numbers.put(ids.get(n), n);
            }
        }
        Integer n = numbers.get(id);
        if (n == null) {
            throw new IllegalArgumentException("'" + id + "' is neither in the base nor added before it is used");
        }
        return n;
    }

    String idAt(int number) {
        if (number < 0 || number >= ids.size()) {
            throw new MalformedDataException("the delta refers to id number " + number + " of " + ids.size());
        }
        return ids.get(number);
    }

    void add(String id) {
        if (numbers != null) {
            numbers.put(id, ids.size());
        }
        ids.add(id);
    }
}
