package org.arxos.io.ifc.internal.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.arxos.io.ifc.internal.step.StepEntity;
import org.arxos.io.ifc.internal.step.StepFile;
import org.arxos.io.ifc.internal.step.StepFormatException;
import org.arxos.io.ifc.internal.step.StepRef;
import org.arxos.io.ifc.internal.step.StepValue;

/**
 * A parsed file seen by the mapping: typed argument access that fails with an {@link IfcMappingException} naming the
 * entity and its line, reference resolution that names the dangling reference, and a record of every entity the
 * mapping read, so that the report can tell kept entities from skipped ones.
 */
final class IfcModel {

    /**
     * Coordinates and lengths farther than this from the origin, in metres, are refused: 10,000 km holds any
     * building, also in projected map coordinates (UTM northings reach 10,000 km), and keeps every value well inside
     * the float range of Arxos geometry. See {@code docs/formats/ifc.md}.
     */
    static final double MAX_METRES = 1e7;

    private final StepFile file;
    private final Set<Long> used = new HashSet<>();
    private double lengthUnit = 1;

    IfcModel(StepFile file) {
        this.file = file;
    }

    StepFile file() {
        return file;
    }

    /** Metres per length unit of the file, for the range checks; 1 until the units are read. */
    void lengthUnit(double metres) {
        this.lengthUnit = metres;
    }

    /** Whether the mapping read the entity (directly or while following references). */
    boolean isUsed(long id) {
        return used.contains(id);
    }

    void markUsed(StepEntity e) {
        used.add(e.id());
    }

    /** The entity {@code id}, referenced from {@code from}; fails naming both when it is not in the file. */
    StepEntity get(long id, StepEntity from) throws IfcMappingException {
        StepEntity e = file.entity(id);
        if (e == null) {
            throw new IfcMappingException(from == null ? 0 : from.line(), from == null ? null : name(from),
                    "refers to #" + id + ", which is not in the file");
        }
        used.add(id);
        return e;
    }

    /** The entity argument {@code i} refers to, or {@code null} for {@code $} or a missing trailing argument. */
    StepEntity ref(StepEntity e, int i) throws IfcMappingException {
        if (e.isNull(i)) {
            return null;
        }
        Object v = e.arguments().get(i);
        if (v instanceof StepRef r) {
            return get(r.id(), e);
        }
        if (v == StepValue.DERIVED) {
            return null;
        }
        throw problem(e, "argument " + i + " should be a reference but is " + describe(v));
    }

    /**
     * The entity a mandatory reference argument refers to; fails naming the entity, the argument and its attribute
     * when it is {@code $}, {@code *} or missing.
     */
    StepEntity required(StepEntity e, int i, String attribute) throws IfcMappingException {
        StepEntity target = ref(e, i);
        if (target == null) {
            throw problem(e, "argument " + i + " (" + attribute + ") is "
                    + (i >= e.argCount() ? "missing" : "not set"));
        }
        return target;
    }

    /**
     * Like {@link #required(StepEntity, int, String)}, and the entity must be of one of {@code types} (upper case,
     * interned literals).
     */
    StepEntity required(StepEntity e, int i, String attribute, String... types) throws IfcMappingException {
        StepEntity target = required(e, i, attribute);
        for (String type : types) {
            if (target.type() == type) {
                return target;
            }
        }
        throw problem(e, "argument " + i + " (" + attribute + ") should be " + String.join(" or ", types)
                + " but #" + target.id() + " is " + target.type());
    }

    /** The entities of a list-of-references argument; empty for {@code $}. Non-reference members are an error. */
    List<StepEntity> refs(StepEntity e, int i) throws IfcMappingException {
        if (e.isNull(i)) {
            return List.of();
        }
        Object v = e.arguments().get(i);
        if (v instanceof StepRef r) { // a single reference where a set of one was meant: accept it
            return List.of(get(r.id(), e));
        }
        if (!(v instanceof List<?> list)) {
            throw problem(e, "argument " + i + " should be a list of references but is " + describe(v));
        }
        List<StepEntity> result = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof StepRef r)) {
                throw problem(e, "argument " + i + " should hold references but holds " + describe(o));
            }
            result.add(get(r.id(), e));
        }
        return result;
    }

    /**
     * Like {@link #refs} but leaves out references to missing entities, noting each in {@code warnings}: for optional
     * data (property sets, type objects) where real exporters leave dangling references.
     */
    List<StepEntity> refsLenient(StepEntity e, int i, List<String> warnings) throws IfcMappingException {
        if (e.isNull(i)) {
            return List.of();
        }
        Object v = e.arguments().get(i);
        List<?> list = v instanceof List<?> l ? l : List.of(v);
        List<StepEntity> result = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof StepRef r)) {
                throw problem(e, "argument " + i + " should hold references but holds " + describe(o));
            }
            StepEntity target = file.entity(r.id());
            if (target == null) {
                warnings.add(name(e) + " (line " + e.line() + ") refers to #" + r.id()
                        + ", which is not in the file; the reference is ignored");
            } else {
                used.add(target.id());
                result.add(target);
            }
        }
        return result;
    }

    String text(StepEntity e, int i) throws IfcMappingException {
        if (e.isNull(i) || e.arguments().get(i) == StepValue.DERIVED) {
            return null;
        }
        try {
            return e.string(i);
        } catch (StepFormatException x) {
            throw convert(e, x);
        }
    }

    double real(StepEntity e, int i) throws IfcMappingException {
        try {
            double d = e.real(i);
            if (!Double.isFinite(d)) {
                throw problem(e, "argument " + i + " is not a finite number");
            }
            return d;
        } catch (StepFormatException x) {
            throw convert(e, x);
        }
    }

    /**
     * A length (a dimension, depth or radius in the file's length unit): a finite number at most {@link #MAX_METRES}
     * in size; fails naming the entity, the argument and its attribute otherwise.
     */
    double length(StepEntity e, int i, String attribute) throws IfcMappingException {
        double d = real(e, i);
        if (!inRange(d)) {
            throw problem(e, "argument " + i + " (" + attribute + ") " + d + " is out of range" + range());
        }
        return d;
    }

    /** Whether a length or coordinate in the file's length unit is within {@link #MAX_METRES} of 0. */
    boolean inRange(double fileUnits) {
        return Math.abs(fileUnits * lengthUnit) <= MAX_METRES;
    }

    /** The end of an out-of-range message: {@code ": more than 1.0E7 m"}. */
    static String range() {
        return ": more than " + MAX_METRES + " m";
    }

    /** A number argument, or {@code fallback} for {@code $}, {@code *} or a missing trailing argument. */
    double real(StepEntity e, int i, double fallback) throws IfcMappingException {
        if (e.isNull(i) || e.arguments().get(i) == StepValue.DERIVED) {
            return fallback;
        }
        return real(e, i);
    }

    double[] reals(StepEntity e, int i) throws IfcMappingException {
        try {
            double[] values = e.reals(i);
            for (double d : values) {
                if (!Double.isFinite(d)) {
                    throw problem(e, "argument " + i + " holds a number that is not finite");
                }
            }
            return values;
        } catch (StepFormatException x) {
            throw convert(e, x);
        }
    }

    String enumName(StepEntity e, int i) throws IfcMappingException {
        if (e.isNull(i) || e.arguments().get(i) == StepValue.DERIVED) {
            return null;
        }
        try {
            return e.enumName(i);
        } catch (StepFormatException x) {
            throw convert(e, x);
        }
    }

    List<Object> list(StepEntity e, int i) throws IfcMappingException {
        if (e.isNull(i)) {
            return List.of();
        }
        try {
            return e.list(i);
        } catch (StepFormatException x) {
            throw convert(e, x);
        }
    }

    /** The coordinates of an IfcCartesianPoint, 2 or 3 of them. */
    double[] point(StepEntity p) throws IfcMappingException {
        if (p.type() != "IFCCARTESIANPOINT") {
            throw problem(p, "expected an IFCCARTESIANPOINT");
        }
        double[] c = reals(p, 0);
        if (c.length < 1 || c.length > 3) {
            throw problem(p, "a point has 1 to 3 coordinates, this one " + c.length);
        }
        for (double d : c) {
            if (!inRange(d)) {
                throw problem(p, "coordinate " + d + " is out of range" + range());
            }
        }
        return c;
    }

    static IfcMappingException problem(StepEntity e, String what) {
        return new IfcMappingException(e.line(), name(e), what);
    }

    static String name(StepEntity e) {
        return "#" + e.id() + " " + e.type();
    }

    private static IfcMappingException convert(StepEntity e, StepFormatException x) {
        return new IfcMappingException(x.line() > 0 ? x.line() : e.line(), name(e), x.problem());
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        if (v instanceof List<?> l) {
            return "a list of " + l.size();
        }
        return String.valueOf(v);
    }
}
