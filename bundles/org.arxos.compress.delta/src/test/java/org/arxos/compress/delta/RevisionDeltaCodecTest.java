package org.arxos.compress.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.compress.bim.BimCodec;
import org.arxos.compress.delta.testing.EditSession;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.testing.RandomChanges;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;
import org.junit.jupiter.api.Test;

class RevisionDeltaCodecTest {

    private final RevisionDeltaCodec codec = new RevisionDeltaCodec();

    @Test
    void randomChangeSetsOfEveryKindComeBackExactly() throws Exception {
        Revision revision = building(3, 3_000);
        RandomChanges random = new RandomChanges(5);
        for (int i = 0; i < 30; i++) {
            ChangeSet changes = random.next(revision, 1 + i * 3);
            byte[] delta = codec.encode(revision, changes, CompressionLevel.BALANCED);
            assertEquals(changes, codec.decodeChanges(revision, delta).orElseThrow(), "set " + i);
            Revision next = codec.decode(revision, delta);
            assertEquals(revision.apply(changes).contentHash(), next.contentHash(), "set " + i);
            assertEquals(revision.number() + 1, next.number());
            revision = next;
        }
    }

    @Test
    void theDeltaBetweenRevisionsMakesTheTarget() throws Exception {
        Revision base = building(4, 3_000);
        RandomChanges random = new RandomChanges(6);
        Revision target = base;
        for (int i = 0; i < 5; i++) {
            target = target.apply(random.next(target, 40));
        }
        byte[] delta = codec.encode(base, target, CompressionLevel.MAX);
        Revision decoded = codec.decode(base, delta);
        assertEquals(target.contentHash(), decoded.contentHash());
        assertEquals(target.number(), decoded.number());
        assertTrue(codec.decodeChanges(base, delta).isPresent(), "a change delta, not a snapshot");
    }

    @Test
    void oddValuesSurviveAChangeDelta() throws Exception {
        Revision base = building(1, 500);
        String longText = "\u00e9".repeat(70_000) + "\ud83d\ude80";
        ChangeSet changes = ChangeSet.of("\u00e9diteur \ud83d\udc77", "",
                new Change.SetProperty("f1", "\u00a0", PropertyValue.of("")),
                new Change.SetProperty("f1", "\u4e2d\u6587", PropertyValue.of(longText)),
                new Change.SetProperty("f1", "zero", PropertyValue.of(-0.0, "m\u00b2")),
                new Change.SetProperty("f1", "tiny", PropertyValue.of(Double.MIN_VALUE)),
                new Change.SetProperty("f1", "flag", PropertyValue.of(false)),
                new Change.ClearProperty("f1", "elevation"),
                new Change.Rename("f1", null),
                new Change.Rename("f1z1", "\ud83c\udfe2 " + longText),
                new Change.SetGeometry("f1z1", new Polygon(-0f, 0f, Float.MIN_VALUE, 1e30f, 3.3333333f, -7f), null),
                new Change.SetGeometry("f1", null, new ElevationRange(-0f, 0f)),
                new Change.AddObject(new BuildingObject("0c-N1CTon2BB2Sp89385G8", ObjectType.COMPONENT,
                        "\u00e9l\u00e9ment", "f1", "", new Polyline(1, 2, 3, 4), new ElevationRange(1e-30f, 1e30f),
                        Properties.of("x", PropertyValue.of(1e300, "")))),
                new Change.AddObject(new BuildingObject("f1z9999999999999999999", ObjectType.ZONE, "zone", "f1",
                        null, new Bounds(-Float.MAX_VALUE, 0, Float.MAX_VALUE, 0), null, Properties.EMPTY)),
                new Change.MoveObject("0c-N1CTon2BB2Sp89385G8", "f1z9999999999999999999"));
        byte[] delta = codec.encode(base, changes, CompressionLevel.FAST);
        assertEquals(changes, codec.decodeChanges(base, delta).orElseThrow());
        assertEquals(base.apply(changes).contentHash(), codec.decode(base, delta).contentHash());
    }

    @Test
    void aChangedTypeOrKindIsStoredWhole() throws Exception {
        Revision base = building(2, 500);
        BuildingObject floor = base.get("f1");
        Revision target = Revision.restore(1, base.objects().map(o -> o.id().equals("f1")
                ? new BuildingObject(o.id(), o.type(), "storey", o.parentId(), o.name(), o.footprint(), o.elevation(),
                        o.properties()) : o), base.connections());
        byte[] delta = codec.encode(base, target, CompressionLevel.FAST);
        assertTrue(codec.decodeChanges(base, delta).isEmpty(), "a snapshot");
        assertEquals(target.contentHash(), codec.decode(base, delta).contentHash());
        assertEquals("floor", floor.kind());
    }

    @Test
    void buildingsComeAndGoWhole() throws Exception {
        Revision building = building(7, 1_000);
        byte[] added = codec.encode(Revision.EMPTY, building, CompressionLevel.FAST);
        assertEquals(building.contentHash(), codec.decode(Revision.EMPTY, added).contentHash());
        Revision gone = Revision.restore(2, Stream.empty(), Stream.empty());
        assertEquals(gone.contentHash(), codec.decode(building, codec.encode(building, gone, CompressionLevel.FAST))
                .contentHash());
    }

    @Test
    void aBaseOfTheSameContentInAnotherOrderServes() throws Exception {
        Revision base = building(8, 2_000);
        String component = base.objects().filter(o -> o.type() == ObjectType.COMPONENT).findFirst().orElseThrow().id();
        String parent = base.get(component).parentId();
        String elsewhere = base.objects().filter(o -> o.type() == ObjectType.SYSTEM && !o.id().equals(parent))
                .findFirst().orElseThrow().id();
        // moved away and back: the same content, the component now last among its siblings
        Revision reordered = base.apply(ChangeSet.of("t", "", new Change.MoveObject(component, elsewhere),
                new Change.MoveObject(component, parent)));
        assertEquals(base.contentHash(), reordered.contentHash());
        Revision target = base.apply(new EditSession(1).edit(base, 50));
        byte[] delta = codec.encode(base, target, CompressionLevel.FAST);
        assertEquals(target.contentHash(), codec.decode(reordered, delta).contentHash());
    }

    @Test
    void anotherBaseIsRefusedBeforeDecoding() throws Exception {
        Revision base = building(9, 1_000);
        Revision other = building(10, 1_000);
        Revision target = base.apply(new EditSession(2).edit(base, 20));
        for (byte[] delta : List.of(codec.encode(base, target, CompressionLevel.FAST),
                codec.encode(base, Revision.EMPTY, CompressionLevel.FAST))) {
            WrongBaseException e = assertThrows(WrongBaseException.class, () -> codec.decode(other, delta));
            assertEquals("content " + base.contentHash(), e.expected());
            assertEquals("content " + other.contentHash(), e.actual());
        }
    }

    /** The delta bar at its own size: an edit touching 1 % of a 100 000-item building. */
    @Test
    void aOnePercentEditCostsAtMostTwoPercentOfTheCompressedRevision() throws Exception {
        Revision base = building(42, 100_000);
        Revision target = base.apply(new EditSession(7).edit(base, 1_000));
        int full = new BimCodec().encode(base, CompressionLevel.MAX).length;
        byte[] delta = codec.encode(base, target, CompressionLevel.MAX);
        assertEquals(target.contentHash(), codec.decode(base, delta).contentHash());
        assertTrue(delta.length <= 0.02 * full, "delta " + delta.length + " bytes, full revision " + full);
    }

    /** A history of 100 revisions, each a 1 % edit of the one before, takes at most 5 compressed revisions. */
    @Test
    void aHundredRevisionHistoryComesBackExactlyAndSmall() throws Exception {
        Revision first = building(11, 5_000);
        EditSession session = new EditSession(12);
        long stored = new BimCodec().encode(first, CompressionLevel.MAX).length;
        long oneRevision = stored;
        Revision previous = first;
        Revision decodedPrevious = first;
        for (int i = 2; i <= 100; i++) {
            Revision next = previous.apply(session.edit(previous, 50));
            byte[] delta = codec.encode(previous, next, CompressionLevel.MAX);
            stored += delta.length;
            Revision decoded = codec.decode(decodedPrevious, delta);
            assertEquals(next.contentHash(), decoded.contentHash(), "revision " + i);
            assertEquals(i, decoded.number());
            previous = next;
            decodedPrevious = decoded;
        }
        assertTrue(stored <= 5 * oneRevision, "100 revisions take " + stored + " bytes, one " + oneRevision);
    }

    static Revision building(long seed, int items) {
        return SyntheticBuilding.generateRevision(GeneratorSettings.of(seed, items));
    }
}
