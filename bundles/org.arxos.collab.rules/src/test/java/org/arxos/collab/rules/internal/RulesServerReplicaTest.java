package org.arxos.collab.rules.internal;

import static org.arxos.collab.lww.testing.Operations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.Resolution;
import org.arxos.api.collab.ServerReplica;
import org.arxos.api.security.Role;
import org.arxos.collab.crdt.testing.SampleBuilding;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.Rule;
import org.arxos.model.Violation;
import org.junit.jupiter.api.Test;

/** Roles per change and value policies per property and object type. */
class RulesServerReplicaTest {

    private final Revision snapshot = SampleBuilding.create();
    private final long base = snapshot.number();
    private final ServerReplica server = new RulesConflictResolver(RulesConfig.of(
            new String[] {"SYSTEM=OWNER", "ZONE=owner"}, new String[] {"fire-rating=OWNER"},
            new String[] {"load=keep-larger", "area=keep-smaller", "status=park"}, new String[] {"SYSTEM=park"}))
            .open("sample", snapshot);

    private static Change load(String id, double watts) {
        return new Change.SetProperty(id, "load", new PropertyValue.Number(watts, "W"));
    }

    @Test
    void structuralChangesOfConfiguredTypesNeedTheOwnerRole() {
        Resolution r = server.submit(op("a", 1, base, new Change.MoveObject("sys1u1", "sys2"),
                new Change.Rename("sys1u1", "feeder")), Role.EDITOR);
        Violation v = r.rejected().get(0);
        assertEquals(0, v.changeIndex());
        assertEquals(Rule.INVALID_VALUE, v.rule());
        assertTrue(v.message().contains("moving SYSTEM 'sys1u1' needs the OWNER role (rule structuralRoles SYSTEM=OWNER),"
                + " and a-user has EDITOR"), v.message());
        assertEquals("sys1", server.head().get("sys1u1").parentId());
        assertEquals("feeder", server.head().get("sys1u1").name(), "the rest of the operation applies");

        assertEquals(Rule.INVALID_VALUE, server.submit(op("a", 2, base, new Change.RemoveObject("f1z1i")))
                .rejected().get(0).rule(), "without a role the author is an editor");
        assertTrue(server.submit(op("a", 3, base, new Change.AddObject(new BuildingObject("lamp", ObjectType.COMPONENT,
                "light", "f1z1s1", null, null, null, Properties.EMPTY))), Role.EDITOR).fullyApplied(),
                "components have no rule");

        assertTrue(server.submit(op("b", 1, base, new Change.MoveObject("sys1u1", "sys2")), Role.OWNER).fullyApplied());
        assertEquals("sys2", server.head().get("sys1u1").parentId());
    }

    @Test
    void writingAPropertyWithARoleRuleNeedsThatRoleAndViewersChangeNothing() {
        Change rating = new Change.SetProperty("f1z1s1", "fire-rating", new PropertyValue.Text("EI60"));
        assertTrue(server.submit(op("a", 1, base, rating), Role.EDITOR).rejected().get(0).message()
                .contains("rule propertyRoles fire-rating=OWNER"));
        assertTrue(server.submit(op("b", 1, base, rating), Role.OWNER).fullyApplied());
        Resolution viewer = server.submit(op("c", 1, base, new Change.Rename("f1", "one")), Role.VIEWER);
        assertTrue(viewer.rejected().get(0).message().contains("c-user has the VIEWER role"), viewer.toString());
        assertTrue(viewer.effect().changes().isEmpty());
    }

    @Test
    void keepLargerKeepsTheLargerOfTwoConcurrentNumbersAndReportsTheOther() {
        server.submit(op("a", 1, base, load("f1z1", 5)));
        Resolution smaller = server.submit(op("b", 1, base, load("f1z1", 3)));
        assertEquals(List.of(new Conflict("f1z1", "load", Conflict.Outcome.DROPPED,
                new Conflict.AuthoredValue("5.0 W", "a-user", "a#1"), new Conflict.AuthoredValue("3.0 W", "b-user", "b#1"))),
                smaller.conflicts());
        assertTrue(smaller.effect().changes().isEmpty());
        Resolution larger = server.submit(op("c", 1, base, load("f1z1", 9)));
        assertEquals(Conflict.Outcome.OVERWRITTEN, larger.conflicts().get(0).outcome());
        assertEquals(new PropertyValue.Number(9, "W"), server.head().get("f1z1").properties().get("load").get());

        Resolution seen = server.submit(op("d", 1, larger.revision(), load("f1z1", 1)));
        assertTrue(seen.conflicts().isEmpty(), "a write that saw the value is no conflict, smaller or not");
        assertEquals(new PropertyValue.Number(1, "W"), server.head().get("f1z1").properties().get("load").get());
    }

    @Test
    void keepSmallerKeepsTheSmallerNumber() {
        server.submit(op("a", 1, base, new Change.SetProperty("f1z1s1", "area", new PropertyValue.Number(8, "m2"))));
        assertEquals(Conflict.Outcome.DROPPED, server.submit(op("b", 1, base, new Change.SetProperty("f1z1s1", "area",
                new PropertyValue.Number(12, "m2")))).conflicts().get(0).outcome());
        assertEquals(Conflict.Outcome.OVERWRITTEN, server.submit(op("c", 1, base, new Change.SetProperty("f1z1s1",
                "area", new PropertyValue.Number(6, "m2")))).conflicts().get(0).outcome());
        assertEquals(new PropertyValue.Number(6, "m2"), server.head().get("f1z1s1").properties().get("area").get());
    }

    @Test
    void policiesApplyPerPropertyThenPerObjectTypeThenTheDefault() {
        server.submit(op("a", 1, base, new Change.SetProperty("f1z1", "status", new PropertyValue.Text("open")),
                new Change.Rename("sys1", "mains"), new Change.Rename("f1", "ground")));
        Resolution r = server.submit(op("b", 1, base, new Change.SetProperty("f1z1", "status", new PropertyValue.Text("shut")),
                new Change.Rename("sys1", "supply"), new Change.Rename("f1", "first")));
        assertEquals(List.of(Conflict.Outcome.PARKED, Conflict.Outcome.PARKED, Conflict.Outcome.OVERWRITTEN),
                r.conflicts().stream().map(Conflict::outcome).toList());
        assertEquals(List.of("status", "name"), server.parked().stream().map(Conflict::field).toList());
        assertEquals("mains", server.head().get("sys1").name());
        assertEquals("first", server.head().get("f1").name());
    }

    @Test
    void aConfigurationItDoesNotUnderstandIsRefusedNamingTheEntry() {
        String[] none = {};
        assertRefused("propertyPolicies entry 'load=bigger' names the unknown policy 'bigger'",
                RulesConfig.of(none, none, new String[] {"load=bigger"}, none));
        assertRefused("structuralRoles entry 'SYSTEM=ADMIN' names the unknown role 'ADMIN'",
                RulesConfig.of(new String[] {"SYSTEM=ADMIN"}, none, none, none));
        assertRefused("typePolicies names the unknown object type 'ROOM'",
                RulesConfig.of(none, none, none, new String[] {"ROOM=park"}));
        assertRefused("propertyRoles entry 'fire-rating' must be name=value",
                RulesConfig.of(none, new String[] {"fire-rating"}, none, none));
        assertRefused("defaultPolicy 'newest' names the unknown policy",
                RulesConfig.of(none, none, none, none).withDefaultPolicy("newest"));
    }

    private static void assertRefused(String expected, RulesConfig config) {
        String message = assertThrows(IllegalArgumentException.class, () -> new RulesConflictResolver(config)).getMessage();
        assertTrue(message.startsWith("org.arxos.collab.rules: ") && message.contains(expected), message);
    }
}
