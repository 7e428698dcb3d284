package org.arxos.grouping.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.GroupTree;
import org.arxos.grouping.testing.RandomChanges;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.Properties;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

class LocalLayoutChangeTest {

    private final SystemGroupingStrategy strategy = new SystemGroupingStrategy();

    @Test
    void localPlacementsAreWhatLayingTheSystemOutAgainGives() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(8, 5_000));
        GroupTree tree = strategy.group(revision);
        RandomChanges random = new RandomChanges(99);
        int local = 0;
        int relaid = 0;
        for (int round = 0; round < 60; round++) {
            ChangeSet changes = random.next(revision, 1 + round % 6);
            Revision next = revision.apply(changes);
            ChangeScope scope = ChangeScope.of(changes, revision, next);
            for (Map.Entry<String, Set<String>> entry : scope.systems().entrySet()) {
                Optional<Map<String, Placement>> placements = LocalLayoutChange.of(entry.getKey(), entry.getValue(),
                        tree, next);
                if (placements.isEmpty() || next.find(entry.getKey()).isEmpty()) {
                    relaid++;
                    continue;
                }
                SystemLayout layout = SystemLayout.of(next, entry.getKey());
                placements.get().forEach((id, placement) -> assertEquals(layout.placementOf(id), placement,
                        id + " after " + changes.changes()));
                local++;
            }
            tree = (GroupTree) strategy.regroup(tree, next, changes);
            revision = next;
        }
        assertTrue(local > 50 && relaid > 10, "local " + local + ", laid out again " + relaid);
    }

    @Test
    void aLeafFedFromTwoPlacesOrAFeedBetweenFeedersIsNotLocal() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(8, 5_000));
        GroupTree tree = strategy.group(revision);
        // the generator's first zone: c1 its panel, c2 and c3 circuits, each feeding devices
        String circuit = "f1z1e-c2";
        String otherCircuit = "f1z1e-c3";
        assertEquals("circuit", revision.get(otherCircuit).kind());
        String device = revision.connectionsOf(otherCircuit).stream().filter(c -> c.fromId().equals(otherCircuit))
                .findFirst().orElseThrow().toId();

        assertTrue(local(tree, revision, new Connection("x1", circuit, device, "power", Properties.EMPTY)).isEmpty(),
                "a second feed of a leaf");
        assertTrue(local(tree, revision, new Connection("x2", circuit, otherCircuit, "power", Properties.EMPTY))
                .isEmpty(), "a feed into a feeder");
    }

    private static Optional<Map<String, Placement>> local(GroupTree tree, Revision revision, Connection connection)
            throws ChangeRejectedException {
        ChangeSet changes = ChangeSet.of("test", "", new Change.Connect(connection));
        Revision next = revision.apply(changes);
        ChangeScope scope = ChangeScope.of(changes, revision, next);
        return LocalLayoutChange.of("f1z1e", scope.systems().get("f1z1e"), tree, next);
    }
}
