package org.arxos.collab.crdt.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A set of ids that also answers "one of them at random" in constant time, for editors picking what to edit. */
final class IndexedIds {

    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    void add(String id) {
        index.put(id, ids.size());
        ids.add(id);
    }

    void remove(String id) {
        int at = index.remove(id);
        String last = ids.remove(ids.size() - 1);
        if (at < ids.size()) {
            ids.set(at, last);
            index.put(last, at);
        }
    }

    int size() {
        return ids.size();
    }

    List<String> list() {
        return ids;
    }

    String random(Random random) {
        return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
    }
}
