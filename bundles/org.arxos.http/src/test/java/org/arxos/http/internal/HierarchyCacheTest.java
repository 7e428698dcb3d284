package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.junit.jupiter.api.Test;

class HierarchyCacheTest {

    private static final class EmptyHierarchy implements Hierarchy {
        @Override
        public long revision() {
            return 1;
        }

        @Override
        public GroupNode root() {
            return new GroupNode("root", "root", "building", null, 0, 0, null);
        }

        @Override
        public Optional<GroupNode> node(String nodeId) {
            return Optional.empty();
        }

        @Override
        public Optional<GroupNode> parent(String nodeId) {
            return Optional.empty();
        }

        @Override
        public List<GroupNode> children(String nodeId, int offset, int limit) {
            return List.of();
        }
    }

    private static HierarchyCache.Key key(String building) {
        return new HierarchyCache.Key("t", building, 1, "hash", "containment", 5);
    }

    @Test
    void groupsOncePerKey() {
        HierarchyCache cache = new HierarchyCache(2);
        AtomicInteger grouped = new AtomicInteger();
        Hierarchy first = cache.get(key("a"), () -> {
            grouped.incrementAndGet();
            return new EmptyHierarchy();
        });
        assertSame(first, cache.get(key("a"), () -> {
            grouped.incrementAndGet();
            return new EmptyHierarchy();
        }));
        assertEquals(1, grouped.get());
    }

    @Test
    void evictsTheLeastRecentlyUsed() {
        HierarchyCache cache = new HierarchyCache(2);
        cache.get(key("a"), EmptyHierarchy::new);
        cache.get(key("b"), EmptyHierarchy::new);
        cache.get(key("a"), EmptyHierarchy::new);
        cache.get(key("c"), EmptyHierarchy::new);
        assertEquals(2, cache.size());
        assertTrue(cache.contains(key("a")));
        assertFalse(cache.contains(key("b")));
        assertTrue(cache.contains(key("c")));
    }

    @Test
    void anotherServiceOrContentIsAnotherKey() {
        HierarchyCache cache = new HierarchyCache(4);
        cache.get(key("a"), EmptyHierarchy::new);
        assertFalse(cache.contains(new HierarchyCache.Key("t", "a", 1, "hash", "containment", 6)));
        assertFalse(cache.contains(new HierarchyCache.Key("t", "a", 1, "other", "containment", 5)));
    }
}
