package org.arxos.compress.bim.column;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.ElevationRange;

/**
 * The kinds, property names, texts, units and elevation ranges a revision uses, each sorted: what a change is coded
 * against when its base is known on both sides. Sorted rather than in order of use, so that two revisions with the
 * same content (the same content hash) have the same vocabulary whatever order their children were added in.
 */
public record Vocabulary(List<String> kinds, List<String> propertyNames, List<String> texts, List<String> units,
        List<ElevationRange> elevations) {

    public static final Vocabulary EMPTY = new Vocabulary(List.of(), List.of(), List.of(), List.of(), List.of());

    public Vocabulary {
        kinds = List.copyOf(kinds);
        propertyNames = List.copyOf(propertyNames);
        texts = List.copyOf(texts);
        units = List.copyOf(units);
        elevations = List.copyOf(elevations);
    }

    public static Vocabulary of(Revision revision) {
        Collector c = new Collector();
        revision.objects().forEach(c::add);
        revision.connections().forEach(c::add);
        List<ElevationRange> elevations = new ArrayList<>(c.elevations);
        // Double.compare orders -0 before 0, as record equality tells them apart
        elevations.sort(Comparator.comparingDouble(ElevationRange::bottom).thenComparingDouble(ElevationRange::top));
        return new Vocabulary(List.copyOf(c.kinds), List.copyOf(c.names), List.copyOf(c.texts), List.copyOf(c.units),
                elevations);
    }

    private static final class Collector {
        final Set<String> kinds = new TreeSet<>();
        final Set<String> names = new TreeSet<>();
        final Set<String> texts = new TreeSet<>();
        final Set<String> units = new TreeSet<>();
        final Set<ElevationRange> elevations = new HashSet<>();

        void add(BuildingObject o) {
            kinds.add(o.kind());
            if (o.elevation() != null) {
                elevations.add(o.elevation());
            }
            add(o.properties());
        }

        void add(Connection c) {
            kinds.add(c.kind());
            add(c.properties());
        }

        void add(Properties p) {
            for (int i = 0; i < p.size(); i++) {
                names.add(p.nameAt(i));
                PropertyValue v = p.valueAt(i);
                if (v instanceof PropertyValue.Text t) {
                    texts.add(t.value());
                } else if (v instanceof PropertyValue.Number n && n.unit() != null) {
                    units.add(n.unit());
                }
            }
        }
    }
}
