package org.arxos.io.ifc.internal.step;

import java.util.List;

/**
 * One entity instance of the DATA section, {@code #id=TYPE(arguments);}.
 *
 * <p>Argument values are: {@link StepRef} ({@code #12}), {@link String} (decoded), {@link Double} (reals),
 * {@link Long} (integers), {@link StepEnum} ({@code .T.}, {@code .ELEMENT.}), {@code List<Object>} (aggregates,
 * nested), {@link StepTyped} ({@code IFCLABEL('x')}), {@link StepValue#NULL} ({@code $}), {@link StepValue#DERIVED}
 * ({@code *}) and {@link StepBinary} ({@code "0FF"}). Lists are immutable and never hold {@code null}.
 *
 * <p>A complex instance, {@code #5=(A(..)B(..));}, has the type {@link #COMPLEX} and one {@link StepTyped} argument per
 * partial entity, in file order.
 *
 * <p>The accessors check the argument's kind and throw a {@link StepFormatException} naming the entity, its line and
 * the argument index (0-based) when it is wrong; its {@link StepFormatException#sourceName() source} is {@code null}
 * ({@link StepFormatException#withSource(String)} adds it).
 *
 * @param id        the instance name without {@code #}
 * @param type      upper case; interned by the reader, so {@code ==} compares it with a literal
 * @param arguments the attribute values in order
 * @param line      the 1-based line where the instance starts
 */
public record StepEntity(long id, String type, List<Object> arguments, long line) {

    /** The type of complex (multi-leaf) entity instances. */
    public static final String COMPLEX = "(COMPLEX)";

    public StepEntity {
        arguments = ArgList.immutable(arguments); // no copy when it already is an immutable list
    }

    public int argCount() {
        return arguments.size();
    }

    public Object arg(int i) throws StepFormatException {
        if (i < 0 || i >= arguments.size()) {
            throw problem(i, "missing: the entity has only " + arguments.size() + " arguments");
        }
        return arguments.get(i);
    }

    /** Whether argument {@code i} is {@code $} (or missing, which some exporters do for trailing optional ones). */
    public boolean isNull(int i) {
        return i >= arguments.size() || arguments.get(i) == StepValue.NULL;
    }

    /** The id a reference argument points to. */
    public long ref(int i) throws StepFormatException {
        Object v = arg(i);
        if (v instanceof StepRef r) {
            return r.id();
        }
        throw wrong(i, "a reference", v);
    }

    /** The ids of a list of references; an empty array for {@code $}. */
    public long[] refs(int i) throws StepFormatException {
        Object v = arg(i);
        if (v == StepValue.NULL) {
            return new long[0];
        }
        if (v instanceof List<?> list) {
            long[] ids = new long[list.size()];
            for (int k = 0; k < ids.length; k++) {
                if (!(list.get(k) instanceof StepRef r)) {
                    throw wrong(i, "a list of references", list.get(k));
                }
                ids[k] = r.id();
            }
            return ids;
        }
        throw wrong(i, "a list of references", v);
    }

    /** A string argument, also the string inside a typed parameter such as {@code IFCLABEL('x')}. */
    public String string(int i) throws StepFormatException {
        Object v = arg(i);
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof StepTyped t && t.arguments().size() == 1 && t.arguments().get(0) instanceof String s) {
            return s;
        }
        throw wrong(i, "a string", v);
    }

    /** A string argument, or {@code null} for {@code $}. */
    public String stringOrNull(int i) throws StepFormatException {
        return isNull(i) ? null : string(i);
    }

    /** A number (real or integer), also inside a typed parameter such as {@code IFCLENGTHMEASURE(2.5)}. */
    public double real(int i) throws StepFormatException {
        Object v = arg(i);
        if (v instanceof StepTyped t && t.arguments().size() == 1) {
            v = t.arguments().get(0);
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        throw wrong(i, "a number", v);
    }

    /** A list of numbers, such as the coordinates of {@code IFCCARTESIANPOINT((1.,2.,0.))}. */
    public double[] reals(int i) throws StepFormatException {
        Object v = arg(i);
        if (v instanceof List<?> list) {
            double[] values = new double[list.size()];
            for (int k = 0; k < values.length; k++) {
                Object e = list.get(k);
                if (e instanceof Double d) {
                    values[k] = d;
                } else if (e instanceof Long l) {
                    values[k] = l;
                } else {
                    throw wrong(i, "a list of numbers", e);
                }
            }
            return values;
        }
        throw wrong(i, "a list of numbers", v);
    }

    public long integer(int i) throws StepFormatException {
        Object v = arg(i);
        if (v instanceof StepTyped t && t.arguments().size() == 1) {
            v = t.arguments().get(0);
        }
        if (v instanceof Long l) {
            return l;
        }
        throw wrong(i, "an integer", v);
    }

    /** The name of an enumeration argument without dots ({@code "ELEMENT"}, {@code "T"}), or {@code null} for $. */
    public String enumName(int i) throws StepFormatException {
        Object v = arg(i);
        if (v == StepValue.NULL) {
            return null;
        }
        if (v instanceof StepTyped t && t.arguments().size() == 1) {
            v = t.arguments().get(0);
        }
        if (v instanceof StepEnum e) {
            return e.name();
        }
        throw wrong(i, "an enumeration", v);
    }

    /** An aggregate argument; an empty list for {@code $}. */
    public List<Object> list(int i) throws StepFormatException {
        Object v = arg(i);
        if (v == StepValue.NULL) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> objects = (List<Object>) list;
            return objects;
        }
        throw wrong(i, "a list", v);
    }

    /** An error about argument {@code i} of this entity, for checks the accessors do not make. */
    public StepFormatException problem(int i, String what) {
        return new StepFormatException(null, line, 0, "#" + id + "=" + type + " argument " + i + ": " + what);
    }

    private StepFormatException wrong(int i, String expected, Object found) {
        return problem(i, "expected " + expected + " but found " + describe(found));
    }

    static String describe(Object v) {
        if (v == StepValue.NULL) {
            return "$";
        }
        if (v == StepValue.DERIVED) {
            return "*";
        }
        if (v instanceof String s) {
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        if (v instanceof List<?> l) {
            return "a list of " + l.size();
        }
        if (v instanceof StepTyped t) {
            return t.type() + "(...)";
        }
        return String.valueOf(v);
    }
}
