package org.arxos.io.ifc.internal.step;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an IFC-SPF (ISO 10303-21) file from a stream into a {@link StepFile}.
 *
 * <p>A byte-level lexer over a 64 KiB buffer: the file is never held as one string, and every loop consumes input, so
 * truncated or hostile files end in a {@link StepFormatException} at their position instead of a hang. Strings are
 * ISO 8859-1 with the escapes {@code ''}, {@code \\}, {@code \S\}, {@code \P?\}, {@code \X\hh},
 * {@code \X2\...\X0\} and {@code \X4\...\X0\} decoded; bytes above 127 (not allowed, but written by some exporters)
 * are read as UTF-8 when they are valid UTF-8, else as ISO 8859-1. Line breaks inside strings are ignored, as the
 * standard says. A lone backslash that starts no escape is kept. References are not checked here: see
 * {@link StepFile}.
 *
 * <p>Accepts the schemas IFC2X3, IFC4 and IFC4X3 (any IFC4X3 variant, e.g. {@code IFC4X3_ADD2}).
 */
public final class StepReader {

    private static final int EOF = -1;
    private static final int MAX_NAME = 256;
    private static final int MAX_NUMBER = 400;
    /** Strings up to this long are shared when they repeat ('Body', 'Pset_...', property names). */
    private static final int MAX_SHARED_STRING = 40;
    /** IFC GlobalIds have 22 characters and are unique: not worth a look-up. */
    private static final int GLOBAL_ID_LENGTH = 22;
    private static final int REF_CACHE_MAX = 1 << 18;

    private final InputStream in;
    private final String source;
    private final StepLimits limits;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    /** Absolute offset of buf[0]. */
    private long bufStart;
    private long line = 1;
    /** Absolute offset of the current line's first byte. */
    private long lineStart;

    private byte[] scratch = new byte[256];
    private int scratchLength;
    private final NameTable names = new NameTable();
    private final Map<String, StepEnum> enums = new HashMap<>();
    /** The values of the lists being read, innermost last; each list takes its values from the top. */
    private Object[] stack = new Object[64];
    private int top;
    /*
     * Direct-mapped caches of immutable values that repeat: an entry is replaced on collision. They share equal
     * values between entities, which saves memory (and garbage collection) on large files; nothing depends on it.
     */
    /** References by id modulo the length: a window over the most recent ids, and the often used ones. */
    private StepRef[] refs = new StepRef[1024];
    private long[] refIds = new long[1024];
    private final Double[] reals = new Double[4096];
    private final String[] strings = new String[4096];
    private final StepTyped[] typed = new StepTyped[4096];

    /** The instance or header record being read, for messages. */
    private long currentId = -1;
    private String currentType;

    private StepReader(InputStream in, String sourceName, StepLimits limits) {
        this.in = in;
        this.source = sourceName;
        this.limits = limits;
        enums.put("T", StepEnum.TRUE);
        enums.put("F", StepEnum.FALSE);
        enums.put("U", StepEnum.UNKNOWN);
    }

    /**
     * Reads the whole file; does not close the stream.
     *
     * @param sourceName the file name, used in messages
     * @throws StepFormatException naming the source, line and column of the first problem, or the limit exceeded
     * @throws IOException         when the stream cannot be read
     */
    public static StepFile read(InputStream in, String sourceName, StepLimits limits) throws IOException {
        return new StepReader(in, sourceName, limits == null ? StepLimits.DEFAULTS : limits).file();
    }

    public static StepFile read(InputStream in, String sourceName) throws IOException {
        return read(in, sourceName, StepLimits.DEFAULTS);
    }

    // ---------------------------------------------------------------- structure

    private StepFile file() throws IOException {
        skipSpace();
        long l = line;
        long c = column();
        String magic = keyword();
        if (!magic.equals("ISO-10303-21")) {
            throw new StepFormatException(source, l, c, "not an IFC-SPF file: expected ISO-10303-21; but found "
                    + (magic.isEmpty() ? describe(peek()) : "'" + magic + "'"));
        }
        expect(';', "after ISO-10303-21");
        skipSpace();
        expectKeyword("HEADER");
        expect(';', "after HEADER");
        StepHeader header = header();

        List<StepEntity> entities = new ArrayList<>();
        LongIntIndex byId = new LongIntIndex(1024);
        Map<String, List<StepEntity>> byType = new HashMap<>();
        while (true) {
            skipSpace();
            l = line;
            c = column();
            String section = keyword();
            if (section.equals("DATA")) {
                skipSpace();
                if (peek() == '(') { // edition 3: DATA('name', (schema));
                    next();
                    currentType = "DATA";
                    list(1);
                    currentType = null;
                    skipSpace();
                }
                expect(';', "after DATA");
                data(entities, byId, byType);
            } else if (section.equals("END-ISO-10303-21")) {
                expect(';', "after END-ISO-10303-21");
                break;
            } else if (section.isEmpty() && peek() == EOF) {
                throw new StepFormatException(source, l, c,
                        "unexpected end of file: END-ISO-10303-21; is missing (the file is truncated)");
            } else {
                throw new StepFormatException(source, l, c, "expected DATA; or END-ISO-10303-21; but found "
                        + (section.isEmpty() ? describe(peek()) : "'" + section + "'"));
            }
        }
        byId.trim();
        Map<String, List<StepEntity>> types = new HashMap<>();
        byType.forEach((type, list) -> types.put(type, java.util.Collections.unmodifiableList(list)));
        return new StepFile(source, header, entities.toArray(new StepEntity[0]), byId, types);
    }

    private StepHeader header() throws IOException {
        Map<String, List<Object>> records = new HashMap<>();
        long schemaLine = 0;
        while (true) {
            skipSpace();
            long l = line;
            long c = column();
            String name = keyword();
            if (name.equals("ENDSEC")) {
                expect(';', "after ENDSEC");
                if (!records.containsKey("FILE_SCHEMA")) {
                    throw new StepFormatException(source, l, c, "the HEADER has no FILE_SCHEMA");
                }
                break;
            }
            if (name.isEmpty()) {
                throw unexpected("a HEADER entry or ENDSEC;");
            }
            currentType = name;
            skipSpace();
            expect('(', "after " + name);
            List<Object> args = list(1);
            skipSpace();
            expect(';', "after " + name + "(...)");
            currentType = null;
            records.put(name, args);
            if (name.equals("FILE_SCHEMA")) {
                schemaLine = l;
            }
        }
        List<Object> description = records.getOrDefault("FILE_DESCRIPTION", List.of());
        List<Object> fileName = records.getOrDefault("FILE_NAME", List.of());
        List<Object> schema = records.get("FILE_SCHEMA");
        List<String> schemas = new ArrayList<>();
        for (String s : strings(schema, 0)) {
            schemas.add(s.trim().toUpperCase(Locale.ROOT));
        }
        if (schemas.isEmpty()) {
            throw new StepFormatException(source, schemaLine, 0, "FILE_SCHEMA names no schema");
        }
        for (String s : schemas) {
            if (!supported(s)) {
                throw new StepFormatException(source, schemaLine, 0, "unsupported schema '" + s
                        + "': Arxos reads IFC2X3, IFC4 and IFC4X3 files");
            }
        }
        return new StepHeader(strings(description, 0), string(description, 1), string(fileName, 0),
                string(fileName, 1), strings(fileName, 2), strings(fileName, 3), string(fileName, 4),
                string(fileName, 5), string(fileName, 6), schemas);
    }

    static boolean supported(String schema) {
        return schema.equals("IFC2X3") || schema.equals("IFC4") || schema.startsWith("IFC4X3");
    }

    private static String string(List<Object> args, int i) {
        return i < args.size() && args.get(i) instanceof String s ? s : "";
    }

    private static List<String> strings(List<Object> args, int i) {
        List<String> result = new ArrayList<>();
        if (i < args.size() && args.get(i) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    result.add(s);
                }
            }
        } else if (i < args.size() && args.get(i) instanceof String s) {
            result.add(s);
        }
        return result;
    }

    private void data(List<StepEntity> entities, LongIntIndex byId, Map<String, List<StepEntity>> byType)
            throws IOException {
        String lastType = null;
        List<StepEntity> lastList = null;
        while (true) {
            skipSpace();
            int ch = peek();
            long l = line;
            long c = column();
            if (ch == '#') {
                next();
                long id = id();
                currentId = id;
                currentType = "?";
                skipSpace();
                if (peek() != '=') {
                    throw unexpected("'=' after #" + id);
                }
                next();
                skipSpace();
                String type;
                List<Object> args;
                if (peek() == '(') {
                    next();
                    type = StepEntity.COMPLEX;
                    currentType = type;
                    args = complex();
                } else {
                    type = typeName();
                    currentType = type;
                    skipSpace();
                    expect('(', "after the type");
                    args = list(1);
                }
                skipSpace();
                if (peek() != ';') {
                    throw unexpected("';' after #" + id + "=" + type + "(...)");
                }
                next();
                currentId = -1;
                currentType = null;
                int index = entities.size();
                if (index >= limits.maxEntities()) {
                    throw new StepFormatException(source, l, c, "the file has more than " + limits.maxEntities()
                            + " entities, the limit (StepLimits.maxEntities)");
                }
                int previous = byId.putIfAbsent(id, index);
                if (previous >= 0) {
                    throw new StepFormatException(source, l, c, "duplicate entity #" + id
                            + ": already defined on line " + entities.get(previous).line());
                }
                StepEntity entity = new StepEntity(id, type, args, l);
                entities.add(entity);
                if (type != lastType) {
                    lastType = type;
                    lastList = byType.computeIfAbsent(type, t -> new ArrayList<>());
                }
                lastList.add(entity);
            } else if (isLetter(ch)) {
                String word = keyword();
                if (!word.equals("ENDSEC")) {
                    throw new StepFormatException(source, l, c,
                            "expected an entity instance #id=... or ENDSEC; but found '" + word + "'");
                }
                expect(';', "after ENDSEC");
                return;
            } else if (ch == EOF) {
                throw new StepFormatException(source, l, c,
                        "unexpected end of file in the DATA section: ENDSEC; and END-ISO-10303-21; are missing"
                                + " (the file is truncated)");
            } else {
                throw unexpected("an entity instance #id=... or ENDSEC;");
            }
        }
    }

    private List<Object> complex() throws IOException {
        List<Object> parts = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == ')') {
                next();
                break;
            }
            String part = typeName();
            skipSpace();
            expect('(', "after " + part);
            parts.add(new StepTyped(part, list(2)));
        }
        if (parts.isEmpty()) {
            throw unexpected("at least one entity in a complex instance");
        }
        return parts;
    }

    // ---------------------------------------------------------------- values

    /** The values of a list whose '(' was read, up to and including its ')'. */
    private List<Object> list(int depth) throws IOException {
        if (depth > limits.maxNesting()) {
            throw error("lists nest deeper than " + limits.maxNesting() + ", the limit (StepLimits.maxNesting)"
                    + context());
        }
        skipSpace();
        if (peek() == ')') {
            next();
            return List.of();
        }
        int start = top;
        while (true) {
            Object v = value(depth);
            if (top == stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = v;
            skipSpace();
            int c = peek();
            if (c == ',') {
                next();
                skipSpace();
            } else if (c == ')') {
                next();
                break;
            } else {
                throw unexpected("',' or ')'");
            }
        }
        List<Object> result = ArgList.of(stack, start, top);
        top = start;
        return result;
    }

    private Object value(int depth) throws IOException {
        int c = peek();
        switch (c) {
            case '#':
                next();
                return ref(id());
            case '$':
                next();
                return StepValue.NULL;
            case '*':
                next();
                return StepValue.DERIVED;
            case '\'':
                return string();
            case '"':
                return binary();
            case '.':
                return enumeration();
            case '(':
                next();
                return list(depth + 1);
            case '+': case '-':
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
                return number();
            case EOF:
                throw unexpected("a value");
            default:
                if (isLetter(c) || c == '!') {
                    long l = line;
                    long col = column();
                    String type = typeName();
                    skipSpace();
                    if (peek() != '(') {
                        throw new StepFormatException(source, l, col, "expected a value but found '" + type + "'"
                                + context() + " (not a number, string, reference, enumeration or typed value)");
                    }
                    next();
                    return typed(type, list(depth + 1));
                }
                throw unexpected("a value");
        }
    }

    private long id() throws IOException {
        long id = 0;
        int digits = 0;
        while (isDigit(peek())) {
            if (++digits > 18) {
                throw error("entity id too long (more than 18 digits)" + context());
            }
            id = id * 10 + (next() - '0');
        }
        if (digits == 0) {
            throw unexpected("an entity id after '#'");
        }
        return id;
    }

    private Object number() throws IOException {
        long l = line;
        long col = column();
        scratchLength = 0;
        boolean negative = false;
        int c = peek();
        if (c == '+' || c == '-') {
            negative = c == '-';
            numberChar(l, col);
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean lostDigits = false;
        boolean anyDigit = false;
        boolean real = false;
        while (isDigit(c = peek())) {
            numberChar(l, col);
            anyDigit = true;
            int d = c - '0';
            if (mantissa == 0 && d == 0) {
                continue;
            }
            if (significant < 18) {
                mantissa = mantissa * 10 + d;
                significant++;
            } else {
                exponent++;
                lostDigits = true;
            }
        }
        if (c == '.') {
            real = true;
            numberChar(l, col);
            while (isDigit(c = peek())) {
                numberChar(l, col);
                anyDigit = true;
                int d = c - '0';
                if (mantissa == 0 && d == 0) {
                    exponent--;
                } else if (significant < 18) {
                    mantissa = mantissa * 10 + d;
                    significant++;
                    exponent--;
                } else {
                    lostDigits = true;
                }
            }
        }
        if (!anyDigit) {
            throw malformedNumber(l, col);
        }
        if (c == 'E' || c == 'e') {
            real = true;
            numberChar(l, col);
            c = peek();
            boolean negativeExponent = false;
            if (c == '+' || c == '-') {
                negativeExponent = c == '-';
                numberChar(l, col);
            }
            int e = 0;
            boolean any = false;
            while (isDigit(c = peek())) {
                numberChar(l, col);
                any = true;
                e = Math.min(e * 10 + (c - '0'), 100_000);
            }
            if (!any) {
                throw malformedNumber(l, col);
            }
            exponent += negativeExponent ? -e : e;
        }
        if (isLetter(c) || isDigit(c) || c == '.' || c == '_') {
            throw malformedNumber(l, col);
        }
        if (!real) {
            if (significant <= 18 && !lostDigits) {
                return Long.valueOf(negative ? -mantissa : mantissa);
            }
            try {
                return Long.valueOf(Long.parseLong(scratchString()));
            } catch (NumberFormatException e) {
                throw new StepFormatException(source, l, col, "integer " + scratchString() + " is out of range"
                        + context());
            }
        }
        // Without lost digits the mantissa holds every significant digit: FastDouble rounds exactly as parseDouble.
        double value = lostDigits ? Double.NaN : FastDouble.toDouble(mantissa, exponent, negative);
        if (Double.isNaN(value)) {
            value = Double.parseDouble(scratchString()); // signed
        }
        return real(value);
    }

    /** The boxed value, shared with an earlier equal one (same bits) when the cache holds it. */
    private Double real(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 52); // 4096 slots
        Double d = reals[slot];
        if (d == null || Double.doubleToRawLongBits(d) != bits) {
            d = value;
            reals[slot] = d;
        }
        return d;
    }

    private StepRef ref(long id) {
        StepRef[] cache = refs;
        if (id >= cache.length && cache.length < REF_CACHE_MAX) {
            cache = new StepRef[(int) Math.min(REF_CACHE_MAX, Long.highestOneBit(id) << 1)];
            long[] ids = new long[cache.length];
            for (StepRef r : refs) {
                if (r != null) {
                    int slot = (int) r.id() & (cache.length - 1);
                    cache[slot] = r;
                    ids[slot] = r.id();
                }
            }
            refs = cache;
            refIds = ids;
        }
        int slot = (int) id & (cache.length - 1);
        StepRef r = cache[slot];
        // The ids beside the references: reading r.id() would touch an old object far away in the heap.
        if (r == null || refIds[slot] != id) {
            r = new StepRef(id);
            cache[slot] = r;
            refIds[slot] = id;
        }
        return r;
    }

    /** A typed parameter; the usual ones with a single string, number or enumeration are shared when they repeat. */
    private StepTyped typed(String type, List<Object> arguments) {
        if (arguments.size() != 1) {
            return new StepTyped(type, arguments);
        }
        Object v = arguments.get(0);
        if (!(v instanceof String || v instanceof Double || v instanceof Long || v instanceof StepEnum)) {
            return new StepTyped(type, arguments);
        }
        int h = type.hashCode() * 31 + v.hashCode();
        int slot = (h ^ (h >>> 16)) & (typed.length - 1);
        StepTyped t = typed[slot];
        if (t == null || t.type() != type || !t.arguments().get(0).equals(v)) {
            t = new StepTyped(type, arguments);
            typed[slot] = t;
        }
        return t;
    }

    private void numberChar(long l, long col) throws IOException {
        append(next());
        if (scratchLength > MAX_NUMBER) {
            throw new StepFormatException(source, l, col, "number longer than " + MAX_NUMBER + " characters"
                    + context());
        }
    }

    private StepFormatException malformedNumber(long l, long col) throws IOException {
        // Take the rest of the token into the message.
        int c;
        while (scratchLength < 40 && (isLetter(c = peek()) || isDigit(c) || c == '.' || c == '_' || c == '+'
                || c == '-')) {
            append(next());
        }
        return new StepFormatException(source, l, col, "malformed number '" + scratchString() + "'" + context());
    }

    private StepEnum enumeration() throws IOException {
        long l = line;
        long col = column();
        next(); // '.'
        scratchLength = 0;
        int c;
        while (isLetter(c = peek()) || isDigit(c) || c == '_') {
            next();
            append(c >= 'a' && c <= 'z' ? c - 32 : c);
            if (scratchLength > MAX_NAME) {
                throw new StepFormatException(source, l, col, "enumeration value longer than " + MAX_NAME
                        + " characters" + context());
            }
        }
        if (c != '.' || scratchLength == 0) {
            throw new StepFormatException(source, l, col, "malformed enumeration value '." + scratchString()
                    + "' (expected .NAME.)" + context());
        }
        next();
        String name = names.canonical(scratch, scratchLength);
        StepEnum e = enums.get(name);
        if (e == null) {
            e = new StepEnum(name);
            enums.put(name, e);
        }
        return e;
    }

    private StepBinary binary() throws IOException {
        long l = line;
        long col = column();
        next(); // '"'
        scratchLength = 0;
        while (true) {
            int c = next();
            if (c == '"') {
                break;
            }
            if (c == EOF) {
                throw new StepFormatException(source, l, col, "unterminated binary value: the file ends inside it"
                        + context());
            }
            if (!isDigit(c) && !(c >= 'A' && c <= 'F') && !(c >= 'a' && c <= 'f')) {
                throw new StepFormatException(source, l, col, "binary value with a character other than 0-9, A-F: "
                        + describe(c) + context());
            }
            append(c >= 'a' ? c - 32 : c);
            if (scratchLength > limits.maxStringLength()) {
                throw new StepFormatException(source, l, col, "binary value longer than "
                        + limits.maxStringLength() + " digits, the limit (StepLimits.maxStringLength)" + context());
            }
        }
        if (scratchLength == 0 || scratch[0] > '3') {
            throw new StepFormatException(source, l, col, "binary value must start with 0, 1, 2 or 3" + context());
        }
        return new StepBinary(scratchString());
    }

    private String string() throws IOException {
        long l = line;
        long col = column();
        next(); // the opening quote
        scratchLength = 0;
        boolean plain = true;
        int max = limits.maxStringLength();
        while (true) {
            if (pos == end && !fill()) {
                throw new StepFormatException(source, l, col, "unterminated string: the file ends inside it"
                        + context() + " (the file is truncated)");
            }
            byte b = buf[pos++];
            if (b == '\'') {
                if (peek() == '\'') {
                    pos++;
                } else {
                    break;
                }
            } else if (b == '\n') {
                line++;
                lineStart = bufStart + pos;
                continue;
            } else if (b == '\r') {
                continue;
            } else if (b == '\\' || b < 0) {
                plain = false;
            }
            if (scratchLength == scratch.length) {
                if (scratchLength >= max) {
                    throw new StepFormatException(source, l, col, "string longer than " + max
                            + " bytes, the limit (StepLimits.maxStringLength)" + context());
                }
                growScratch();
            }
            scratch[scratchLength++] = b;
        }
        if (scratchLength > max) {
            throw new StepFormatException(source, l, col, "string longer than " + max
                    + " bytes, the limit (StepLimits.maxStringLength)" + context());
        }
        if (plain) {
            return plainString(scratch, scratchLength);
        }
        return decode(scratch, scratchLength, l, col);
    }

    /** ISO 8859-1 bytes without escapes as a string, shared with an earlier equal one when the cache holds it. */
    private String plainString(byte[] s, int n) {
        if (n > MAX_SHARED_STRING || n == GLOBAL_ID_LENGTH) {
            return new String(s, 0, n, StandardCharsets.ISO_8859_1);
        }
        int h = n;
        for (int i = 0; i < n; i++) {
            h = 31 * h + s[i];
        }
        int slot = (h ^ (h >>> 12)) & (strings.length - 1);
        String cached = strings[slot];
        if (cached != null && cached.length() == n) {
            int i = 0;
            while (i < n && cached.charAt(i) == (char) (s[i] & 0xFF)) {
                i++;
            }
            if (i == n) {
                return cached;
            }
        }
        String created = new String(s, 0, n, StandardCharsets.ISO_8859_1);
        strings[slot] = created;
        return created;
    }

    private String decode(byte[] s, int n, long l, long col) throws StepFormatException {
        StringBuilder b = new StringBuilder(n);
        Charset page = null; // null: ISO 8859-1 (page A)
        int run = 0;
        int i = 0;
        while (i < n) {
            if (s[i] != '\\') {
                i++;
                continue;
            }
            plain(s, run, i, b);
            if (i + 1 < n && s[i + 1] == '\\') {
                b.append('\\');
                i += 2;
            } else if (startsWith(s, n, i, "\\X\\")) {
                int v = hex(s, n, i + 3, 2);
                if (v < 0) {
                    throw badEscape(l, col, "\\X\\ needs two hexadecimal digits");
                }
                b.append((char) v);
                i += 5;
            } else if (startsWith(s, n, i, "\\X2\\") || startsWith(s, n, i, "\\X4\\")) {
                int width = s[i + 2] == '2' ? 4 : 8;
                i += 4;
                while (!startsWith(s, n, i, "\\X0\\")) {
                    if (i + width > n) {
                        throw badEscape(l, col, "\\X" + width / 2 + "\\ is not closed by \\X0\\");
                    }
                    int v = hex(s, n, i, width);
                    if (v < 0 || (width == 8 && !Character.isValidCodePoint(v))) {
                        throw badEscape(l, col, "\\X" + width / 2 + "\\ needs groups of " + width
                                + " hexadecimal digits closed by \\X0\\");
                    }
                    b.appendCodePoint(v);
                    i += width;
                }
                i += 4;
            } else if (startsWith(s, n, i, "\\S\\") && i + 3 < n) {
                int v = (s[i + 3] & 0x7F) + 128;
                b.append(page == null ? (char) v : page.decode(ByteBuffer.wrap(new byte[] {(byte) v})).charAt(0));
                i += 4;
            } else if (i + 3 < n && s[i + 1] == 'P' && s[i + 2] >= 'A' && s[i + 2] <= 'I' && s[i + 3] == '\\') {
                int part = s[i + 2] - 'A' + 1;
                page = part == 1 ? null : pageCharset(part);
                i += 4;
            } else {
                b.append('\\'); // not an escape: keep it
                i++;
            }
            run = i;
        }
        plain(s, run, n, b);
        return b.toString();
    }

    private static Charset pageCharset(int part) {
        try {
            return Charset.forName("ISO-8859-" + part);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static void plain(byte[] s, int from, int to, StringBuilder b) {
        boolean high = false;
        for (int i = from; i < to; i++) {
            if (s[i] < 0) {
                high = true;
                break;
            }
        }
        if (!high) {
            for (int i = from; i < to; i++) {
                b.append((char) s[i]);
            }
            return;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(s, from, to - from));
            b.append(chars);
        } catch (CharacterCodingException e) {
            for (int i = from; i < to; i++) {
                b.append((char) (s[i] & 0xFF));
            }
        }
    }

    private static boolean startsWith(byte[] s, int n, int at, String prefix) {
        if (at + prefix.length() > n) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (s[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code digits} hexadecimal digits at {@code at}, or -1. */
    private static int hex(byte[] s, int n, int at, int digits) {
        if (at + digits > n) {
            return -1;
        }
        long v = 0;
        for (int k = 0; k < digits; k++) {
            int d = Character.digit(s[at + k], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private StepFormatException badEscape(long l, long col, String problem) {
        return new StepFormatException(source, l, col, "malformed string escape: " + problem + context());
    }

    // ---------------------------------------------------------------- lexer

    /** A keyword such as {@code HEADER} or {@code END-ISO-10303-21}: letters, digits, '_' and '-'; "" if none. */
    private String keyword() throws IOException {
        scratchLength = 0;
        int c;
        while (isLetter(c = peek()) || isDigit(c) || c == '_' || c == '-') {
            next();
            append(c >= 'a' && c <= 'z' ? c - 32 : c);
            if (scratchLength > MAX_NAME) {
                throw error("keyword longer than " + MAX_NAME + " characters");
            }
        }
        return scratchLength == 0 ? "" : names.canonical(scratch, scratchLength);
    }

    /** An entity or type name, upper case and interned: a letter or '!' then letters, digits and '_'. */
    private String typeName() throws IOException {
        int c = peek();
        if (!isLetter(c) && c != '!') {
            throw unexpected("an entity type name");
        }
        scratchLength = 0;
        next();
        append(c >= 'a' && c <= 'z' ? c - 32 : c);
        while (isLetter(c = peek()) || isDigit(c) || c == '_') {
            next();
            append(c >= 'a' && c <= 'z' ? c - 32 : c);
            if (scratchLength > MAX_NAME) {
                throw error("type name longer than " + MAX_NAME + " characters" + context());
            }
        }
        return names.canonical(scratch, scratchLength);
    }

    private void expectKeyword(String word) throws IOException {
        long l = line;
        long c = column();
        String found = keyword();
        if (!found.equals(word)) {
            throw new StepFormatException(source, l, c, "expected " + word + "; but found "
                    + (found.isEmpty() ? describe(peek()) : "'" + found + "'"));
        }
    }

    private void expect(char expected, String where) throws IOException {
        skipSpace();
        if (peek() != expected) {
            throw unexpected("'" + expected + "' " + where);
        }
        next();
    }

    /** Skips white space and comments. */
    private void skipSpace() throws IOException {
        while (true) {
            if (pos == end && !fill()) {
                return;
            }
            byte c = buf[pos];
            if (c == ' ' || c == '\r' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = bufStart + pos;
            } else if (c == '/' && peekSecond() == '*') {
                comment();
            } else {
                return;
            }
        }
    }

    private void comment() throws IOException {
        long l = line;
        long col = column();
        next();
        next();
        int previous = 0;
        while (true) {
            int c = next();
            if (c == EOF) {
                throw new StepFormatException(source, l, col, "unterminated comment: the file ends inside it"
                        + " (the file is truncated)");
            }
            if (previous == '*' && c == '/') {
                return;
            }
            previous = c;
        }
    }

    private int peek() throws IOException {
        if (pos == end && !fill()) {
            return EOF;
        }
        return buf[pos] & 0xFF;
    }

    private int peekSecond() throws IOException {
        while (pos + 1 >= end) {
            if (!fill()) {
                return EOF;
            }
        }
        return buf[pos + 1] & 0xFF;
    }

    private int next() throws IOException {
        if (pos == end && !fill()) {
            return EOF;
        }
        int c = buf[pos++] & 0xFF;
        if (c == '\n') {
            line++;
            lineStart = bufStart + pos;
        }
        return c;
    }

    /** Reads more input after the unread bytes; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            int keep = end - pos;
            System.arraycopy(buf, pos, buf, 0, keep);
            bufStart += pos;
            end = keep;
            pos = 0;
        }
        int n;
        do {
            n = in.read(buf, end, buf.length - end);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        end += n;
        if (bufStart + end > limits.maxBytes()) {
            throw error("the file is larger than " + limits.maxBytes() + " bytes, the limit (StepLimits.maxBytes)");
        }
        return true;
    }

    private long column() {
        return bufStart + pos - lineStart + 1;
    }

    private void append(int c) {
        if (scratchLength == scratch.length) {
            growScratch();
        }
        scratch[scratchLength++] = (byte) c;
    }

    private void growScratch() {
        scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }

    private String scratchString() {
        return new String(scratch, 0, scratchLength, StandardCharsets.ISO_8859_1);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private StepFormatException error(String problem) {
        return new StepFormatException(source, line, column(), problem);
    }

    private StepFormatException unexpected(String expected) throws IOException {
        int c = peek();
        if (c == EOF) {
            return error("unexpected end of file: expected " + expected + context() + " (the file is truncated)");
        }
        return error("expected " + expected + context() + " but found " + describe(c));
    }

    private String context() {
        if (currentType == null) {
            return "";
        }
        return currentId >= 0 ? " in #" + currentId + "=" + currentType + "(...)" : " in " + currentType + "(...)";
    }

    private static String describe(int c) {
        if (c == EOF) {
            return "the end of the file";
        }
        if (c >= 0x20 && c < 0x7F) {
            return "'" + (char) c + "'";
        }
        return String.format("byte 0x%02X", c);
    }
}
