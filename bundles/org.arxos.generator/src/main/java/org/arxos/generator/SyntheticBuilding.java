package org.arxos.generator;

import org.arxos.generator.internal.BuildingWriter;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * A seeded synthetic building with realistic proportions: floors that scale with size (1 to 60, 3.5 m apart, floor
 * plates sized to the object count), 4 to 12 zones per floor tiled into spaces (offices, meeting rooms, corridors,
 * stairs, restrooms, ...), and per zone an electrical, a mechanical and a plumbing system whose components are fed
 * from building-wide systems: switchboard and per-floor risers, a central air handler, a water main and per-floor
 * risers. Connections follow the distribution tree, sources first (panel to circuit to light, air handler to VAV box
 * to diffuser, riser to branch to fixture).
 *
 * <p>Ids are short to keep a million-object building small in memory:
 * <pre>
 * f3            floor 3 (from 1)
 * f3z2          zone 2 of floor 3
 * f3z2s5        space 5 of that zone
 * f3z2e         the zone's electrical system; f3z2m mechanical, f3z2p plumbing
 * f3z2e-c17     component 17 of that system (c1 is its source: panel, VAV box, water branch)
 * f3z2e-k4      connection 4 of that system (k1 is the feed from the building-wide system)
 * be, bm, bp    building-wide electrical, mechanical and plumbing systems
 * be-c1         switchboard; be-c2.. per-floor electrical risers; bm-c1 air handler; bp-c1 water main, bp-c2.. risers
 * be-k3         building-wide connection 3
 * </pre>
 * The total of objects plus connections equals the target exactly: every zone fills a budget of items.
 */
public final class SyntheticBuilding {

    private SyntheticBuilding() {
    }

    /** The building as one change set that adds every object (parents first) and then makes each connection. */
    public static ChangeSet generate(GeneratorSettings settings) {
        return new BuildingWriter(settings.seed(), settings.targetObjects(), settings.buildingId(),
                settings.buildingName()).write();
    }

    /** The building as revision 1, applied to {@link Revision#EMPTY}. */
    public static Revision generateRevision(GeneratorSettings settings) {
        try {
            return Revision.EMPTY.apply(generate(settings));
        } catch (ChangeRejectedException e) {
            throw new IllegalStateException("the generator produced an invalid building: " + e.getMessage(), e);
        }
    }
}
