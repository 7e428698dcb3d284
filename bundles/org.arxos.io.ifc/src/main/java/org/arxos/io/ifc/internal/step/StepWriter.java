package org.arxos.io.ifc.internal.step;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes an IFC-SPF file, one entity instance per line, through its own buffer: call {@link #begin(StepHeader)}, then
 * {@link #entity} for each instance, then {@link #end()}. Does not close the stream.
 *
 * <p>Values are those of {@link StepEntity#arguments()}, plus {@link Integer} (an integer), {@link Float} (a real,
 * written in the shortest form that reads back as the same float), and {@link Boolean} ({@code .T.}/{@code .F.}).
 * Reals are written in the shortest form that reads back as the same double, with the point STEP requires:
 * {@code 1.5}, {@code 0.}, {@code -3.25E-7}. Strings are escaped: {@code '} doubled, {@code \} doubled, characters
 * outside printable ASCII as {@code \X2\...\X0\}.
 */
public final class StepWriter implements Flushable {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int length;
    private long count;

    public StepWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code ISO-10303-21;}, the HEADER section, and opens the DATA section. */
    public void begin(StepHeader header) throws IOException {
        ascii("ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(");
        value(List.copyOf(header.description()));
        ascii(",");
        string(header.implementationLevel());
        ascii(");\nFILE_NAME(");
        string(header.name());
        ascii(",");
        string(header.timeStamp());
        ascii(",");
        value(List.copyOf(header.author()));
        ascii(",");
        value(List.copyOf(header.organization()));
        ascii(",");
        string(header.preprocessorVersion());
        ascii(",");
        string(header.originatingSystem());
        ascii(",");
        string(header.authorization());
        ascii(");\nFILE_SCHEMA(");
        value(List.copyOf(header.schemas()));
        ascii(");\nENDSEC;\nDATA;\n");
    }

    /** Writes {@code #id=TYPE(arguments);} on a line of its own. */
    public void entity(long id, String type, Object... arguments) throws IOException {
        if (id <= 0) {
            throw new IllegalArgumentException("entity ids are positive: " + id);
        }
        put('#');
        integer(id);
        put('=');
        ascii(type);
        put('(');
        for (int i = 0; i < arguments.length; i++) {
            if (i > 0) {
                put(',');
            }
            value(arguments[i]);
        }
        ascii(");\n");
        count++;
    }

    public void entity(StepEntity e) throws IOException {
        if (e.type().equals(StepEntity.COMPLEX)) {
            put('#');
            integer(e.id());
            ascii("=(");
            for (Object part : e.arguments()) {
                value(part);
            }
            ascii(");\n");
            count++;
        } else {
            entity(e.id(), e.type(), e.arguments().toArray());
        }
    }

    /** How many entities were written. */
    public long count() {
        return count;
    }

    /** Closes the DATA section and the file, and flushes. */
    public void end() throws IOException {
        ascii("ENDSEC;\nEND-ISO-10303-21;\n");
        flush();
    }

    @Override
    public void flush() throws IOException {
        out.write(buf, 0, length);
        length = 0;
        out.flush();
    }

    private void value(Object v) throws IOException {
        if (v instanceof StepRef r) {
            put('#');
            integer(r.id());
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Double d) {
            ascii(formatReal(d));
        } else if (v instanceof Float f) {
            ascii(formatReal(f));
        } else if (v instanceof Long l) {
            integer(l);
        } else if (v instanceof Integer i) {
            integer(i);
        } else if (v instanceof StepEnum e) {
            put('.');
            ascii(e.name());
            put('.');
        } else if (v instanceof Boolean b) {
            ascii(b ? ".T." : ".F.");
        } else if (v == StepValue.NULL) {
            put('$');
        } else if (v == StepValue.DERIVED) {
            put('*');
        } else if (v instanceof List<?> list) {
            put('(');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    put(',');
                }
                value(list.get(i));
            }
            put(')');
        } else if (v instanceof StepTyped t) {
            ascii(t.type());
            value(t.arguments());
        } else if (v instanceof StepBinary b) {
            put('"');
            ascii(b.hex());
            put('"');
        } else {
            throw new IllegalArgumentException("not a STEP value: " + (v == null ? "null" : v.getClass().getName()));
        }
    }

    /** A real in the shortest form that reads back as the same double, with the point STEP requires. */
    public static String formatReal(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("STEP has no real for " + d);
        }
        return pointed(Double.toString(d));
    }

    /** A float in the shortest form that reads back (as a double, then rounded to float) as the same float. */
    public static String formatReal(float f) {
        if (!Float.isFinite(f)) {
            throw new IllegalArgumentException("STEP has no real for " + f);
        }
        return pointed(Float.toString(f));
    }

    private static String pointed(String s) {
        // Java writes "1.0", "1.0E-7": STEP wants the point but not the lone zero.
        int e = s.indexOf('E');
        int mantissaEnd = e < 0 ? s.length() : e;
        if (mantissaEnd >= 2 && s.charAt(mantissaEnd - 1) == '0' && s.charAt(mantissaEnd - 2) == '.') {
            return s.substring(0, mantissaEnd - 1) + s.substring(mantissaEnd);
        }
        return s;
    }

    private void string(String s) throws IOException {
        put('\'');
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                if (c == '\'') {
                    put('\'');
                } else if (c == '\\') {
                    put('\\');
                }
                put(c);
                i++;
            } else {
                ascii("\\X2\\");
                while (i < n && ((c = s.charAt(i)) < 0x20 || c >= 0x7F)) {
                    hex4(c);
                    i++;
                }
                ascii("\\X0\\");
            }
        }
        put('\'');
    }

    private void hex4(char c) throws IOException {
        for (int shift = 12; shift >= 0; shift -= 4) {
            put(Character.toUpperCase(Character.forDigit((c >> shift) & 0xF, 16)));
        }
    }

    private void integer(long v) throws IOException {
        if (v >= 0 && v < 10) {
            put((char) ('0' + v));
        } else {
            ascii(Long.toString(v));
        }
    }

    private void ascii(String s) throws IOException {
        int n = s.length();
        if (length + n > buf.length) {
            drain();
            if (n > buf.length) {
                for (int i = 0; i < n; i++) {
                    put(s.charAt(i));
                }
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            buf[length++] = (byte) s.charAt(i);
        }
    }

    private void put(char c) throws IOException {
        if (length == buf.length) {
            drain();
        }
        buf[length++] = (byte) c;
    }

    private void drain() throws IOException {
        out.write(buf, 0, length);
        length = 0;
    }
}
