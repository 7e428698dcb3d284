package org.arxos.fuzz;

import static org.arxos.fuzz.Mutator.depth;
import static org.arxos.fuzz.Mutator.pick;
import static org.arxos.fuzz.Mutator.randomMatch;
import static org.arxos.fuzz.Mutator.repeat;
import static org.arxos.fuzz.Mutator.replace;
import static org.arxos.fuzz.Mutator.utf8;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mutations that know STEP (ISO 10303-21): {@code #12=IFCWALL('...',#5,$,(1.,2.),.T.);}. */
final class StepMutations {

    private StepMutations() {
    }

    private static final Pattern NUMBER = Pattern.compile("(?<=[(,])-?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?(?=[,)])");
    private static final Pattern REFERENCE = Pattern.compile("(?<=[(,])#\\d+(?=[,)])");
    private static final Pattern ENTITY = Pattern.compile("(?m)^#(\\d+)\\s*=\\s*([A-Za-z0-9_]+)\\s*\\(");
    private static final Pattern PLACEMENT = Pattern.compile("(?m)^#(\\d+)\\s*=\\s*IFCLOCALPLACEMENT\\(([^,]*),");
    private static final Pattern ARGUMENT_START = Pattern.compile("(?<=[(,])(?=[^(,])");
    private static final Pattern STRING = Pattern.compile("'(?:[^']++|'')*+'");
    private static final Pattern SCHEMA = Pattern.compile("FILE_SCHEMA\\s*\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern ENUM = Pattern.compile("(?<=[(,])\\.[A-Z_]+\\.(?=[,)])");
    private static final Pattern DIRECTION = Pattern.compile("IFC(?:DIRECTION|CARTESIANPOINT)\\(\\(([^)]*)\\)\\)");
    private static final Pattern UNIT_PREFIX = Pattern.compile("\\.(MILLI|CENTI|DECI|KILO)\\.");

    private static final String[] NUMBERS = {"NaN", "-NaN", "INF", "Infinity", "1.E400", "-1.E400", "1.E308",
            "-1.E308", "1.7976931348623157E308", "4.9E-324", "1.E-400", "-0.", "0.", "0", "-1", "-1.", "-2147483649",
            "2147483648", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999999",
            "1.E", "1..2", ".", "-", "+", "E5", "1E+", "0x10", "1e5", "1,5", "$", "*", "'1.0'", ".T.", "#1", "()",
            "1.0.0", "\u0661"};
    private static final String[] REFERENCES = {"#0", "#-1", "#999999999", "#2147483648", "#99999999999999999999999",
            "#", "##1", "#1.5", "$", "*", "#1E3", "'#1'"};
    private static final String[] SCHEMAS = {"('IFC2X3')", "('IFC4')", "('IFC4X3')", "('IFC4X3_ADD2')", "('IFC5')",
            "('IFC2X2_FINAL')", "('FOO')", "('')", "()", "$", "('IFC2X3','IFC4')", "(('IFC4'))", "('ifc4')",
            "('IFC4'", "(#1)", "('IFC4' 'IFC2X3')"};
    private static final String[] TYPES = {"IFCWALL", "IFCWALLSTANDARDCASE", "IFCBUILDINGSTOREY", "IFCSPACE",
            "IFCZONE", "IFCSITE", "IFCBUILDING", "IFCPROJECT", "IFCLOCALPLACEMENT", "IFCAXIS2PLACEMENT3D",
            "IFCRELAGGREGATES", "IFCRELCONTAINEDINSPATIALSTRUCTURE", "IFCRELASSIGNSTOGROUP", "IFCRELCONNECTSPORTS",
            "IFCRELFILLSELEMENT", "IFCRELVOIDSELEMENT", "IFCEXTRUDEDAREASOLID", "IFCRECTANGLEPROFILEDEF",
            "IFCARBITRARYCLOSEDPROFILEDEF", "IFCPOLYLINE", "IFCMAPPEDITEM", "IFCBOUNDINGBOX", "IFCSIUNIT",
            "IFCUNITASSIGNMENT", "IFCCONVERSIONBASEDUNIT", "IFCPROPERTYSET", "IFCPROPERTYSINGLEVALUE",
            "IFCELEMENTQUANTITY", "IFCQUANTITYAREA", "IFCDISTRIBUTIONSYSTEM", "IFCSYSTEM", "IFCDOOR", "IFCWINDOW",
            "IFCSLAB", "IFCFLOWTERMINAL", "IFCDISTRIBUTIONPORT", "IFCPRODUCTDEFINITIONSHAPE", "IFCSHAPEREPRESENTATION",
            "IFCCARTESIANPOINT", "IFCDIRECTION", "IFCUNKNOWNTHING", "ifcwall", "IFC", "X"};
    private static final String[] STRING_VALUES = {"'", "'''", "'\\X2\\D800\\X0\\'", "'\\X2\\00E\\X0\\'",
            "'\\X2\\'", "'\\X4\\0010FFFF\\X0\\'", "'\\X4\\7FFFFFFF\\X0\\'", "'\\S\\'", "'\\X\\'", "'\\X\\G'", "'\\PA\\'",
            "'\\'", "'\\\\'", "'abc", "'\u00e9'", "'\u0000'", "''", "'a''b'", "'" + "\\X2\\00E9\\X0\\".repeat(2000) + "'"};

    static String mutate(String s, SplittableRandom rng, String[] name, Probes probes) {
        switch (rng.nextInt(20)) {
            case 0:
            case 1: {
                Matcher m = randomMatch(s, NUMBER, rng);
                if (m == null) {
                    break;
                }
                String v = pick(rng, NUMBERS);
                name[0] = "step-number(" + m.start() + ":" + m.group() + "->" + v + ")";
                return replace(s, m.start(), m.end(), utf8(v));
            }
            case 2:
            case 3: {
                Matcher m = randomMatch(s, REFERENCE, rng);
                if (m == null) {
                    break;
                }
                String v;
                int r = rng.nextInt(3);
                if (r == 0) {
                    v = pick(rng, REFERENCES);
                } else if (r == 1) {
                    v = "#" + ownId(s, m.start()); // a self reference
                } else {
                    Matcher e = randomMatch(s, ENTITY, rng);
                    v = e == null ? "#1" : "#" + e.group(1); // some other entity: wrong type, maybe a cycle
                }
                name[0] = "step-reference(" + m.start() + ":" + m.group() + "->" + v + ")";
                return replace(s, m.start(), m.end(), v);
            }
            case 4: {
                // a cycle: entity A references B; make B's first reference point back at A
                Matcher a = randomMatch(s, ENTITY, rng);
                if (a == null) {
                    break;
                }
                int lineEnd = lineEnd(s, a.start());
                Matcher ref = REFERENCE.matcher(s).region(a.end() - 1, lineEnd);
                if (!ref.find()) {
                    break;
                }
                String b = ref.group().substring(1);
                Matcher bDef = Pattern.compile("(?m)^#" + b + "\\s*=").matcher(s);
                if (!bDef.find()) {
                    break;
                }
                Matcher bRef = REFERENCE.matcher(s).region(bDef.end(), lineEnd(s, bDef.start()));
                if (!bRef.find()) {
                    break;
                }
                name[0] = "step-cycle(#" + a.group(1) + "<->#" + b + ")";
                return replace(s, bRef.start(), bRef.end(), "#" + a.group(1));
            }
            case 5: {
                // a placement cycle: a local placement relative to itself or to a placement relative to it
                Matcher p = randomMatch(s, PLACEMENT, rng);
                if (p == null) {
                    break;
                }
                if (rng.nextBoolean()) {
                    name[0] = "step-placement-self(#" + p.group(1) + ")";
                    return replace(s, p.start(2), p.end(2), "#" + p.group(1));
                }
                Matcher q = randomMatch(s, PLACEMENT, rng);
                if (q == null || q.group(1).equals(p.group(1))) {
                    break;
                }
                // p relative to q, q relative to p (replace the later one first to keep offsets right)
                name[0] = "step-placement-cycle(#" + p.group(1) + "<->#" + q.group(1) + ")";
                if (p.start() > q.start()) {
                    String t = replace(s, p.start(2), p.end(2), "#" + q.group(1));
                    return replace(t, q.start(2), q.end(2), "#" + p.group(1));
                }
                String t = replace(s, q.start(2), q.end(2), "#" + p.group(1));
                return replace(t, p.start(2), p.end(2), "#" + q.group(1));
            }
            case 6: {
                Matcher m = randomMatch(s, ARGUMENT_START, rng);
                if (m == null) {
                    break;
                }
                int d = depth(rng);
                boolean balanced = rng.nextInt(4) != 0;
                String inner = rng.nextBoolean() ? "1." : "#1";
                String v = repeat("(", d) + inner + (balanced ? repeat(")", d) : "") + ",";
                name[0] = "step-nesting(" + m.start() + "," + d + (balanced ? "" : ",unbalanced") + ")";
                return replace(s, m.start(), m.start(), v);
            }
            case 7: {
                Matcher m = randomMatch(s, STRING, rng);
                if (m == null) {
                    break;
                }
                int r = rng.nextInt(4);
                if (r == 0) {
                    name[0] = "step-unbalance-quote(" + m.start() + ")";
                    return replace(s, m.start(), m.start() + 1, ""); // drop the opening quote
                }
                if (r == 1) {
                    name[0] = "step-unterminated-string(" + m.end() + ")";
                    return replace(s, m.end() - 1, m.end(), ""); // drop the closing quote
                }
                if (r == 2) {
                    int n = 1000 * (1 + rng.nextInt(200));
                    name[0] = "step-long-string(" + m.start() + "," + n + ")";
                    return replace(s, m.start(), m.end(), "'" + repeat("A", n) + "'");
                }
                String v = pick(rng, STRING_VALUES);
                name[0] = "step-string(" + m.start() + "->" + Mutator.printable(v) + ")";
                return replace(s, m.start(), m.end(), utf8(v));
            }
            case 8: {
                // duplicate an entity id: copy a line elsewhere, or give one entity another's id
                Matcher a = randomMatch(s, ENTITY, rng);
                Matcher b = randomMatch(s, ENTITY, rng);
                if (a == null || b == null) {
                    break;
                }
                if (rng.nextBoolean()) {
                    String line = s.substring(a.start(), lineEnd(s, a.start()));
                    int at = b.start();
                    name[0] = "step-duplicate-entity(#" + a.group(1) + "->" + at + ")";
                    return replace(s, at, at, line.endsWith("\n") ? line : line + "\n");
                }
                name[0] = "step-duplicate-id(#" + b.group(1) + ":=#" + a.group(1) + ")";
                return replace(s, b.start(1), b.end(1), a.group(1));
            }
            case 9: {
                Matcher m = SCHEMA.matcher(s);
                String v = pick(rng, SCHEMAS);
                if (!m.find()) {
                    int at = s.indexOf("ENDSEC;");
                    if (at < 0) {
                        break;
                    }
                    name[0] = "step-add-schema(" + v + ")";
                    return replace(s, at, at, "FILE_SCHEMA(" + v + ");\n");
                }
                if (rng.nextInt(5) == 0) {
                    name[0] = "step-drop-schema";
                    return replace(s, m.start(), m.end(), "");
                }
                name[0] = "step-schema(" + v + ")";
                return replace(s, m.start(1), m.end(1), v);
            }
            case 10: {
                Matcher m = randomMatch(s, ENTITY, rng);
                if (m == null) {
                    break;
                }
                String v = pick(rng, TYPES);
                name[0] = "step-type(#" + m.group(1) + ":" + m.group(2) + "->" + v + ")";
                return replace(s, m.start(2), m.end(2), v);
            }
            case 11: {
                // drop or add arguments
                Matcher m = randomMatch(s, ENTITY, rng);
                if (m == null) {
                    break;
                }
                int end = lineEnd(s, m.start());
                int close = s.lastIndexOf(')', end);
                if (close < m.end()) {
                    break;
                }
                if (rng.nextBoolean()) {
                    int comma = s.lastIndexOf(',', close);
                    if (comma < m.end()) {
                        name[0] = "step-no-arguments(#" + m.group(1) + ")";
                        return replace(s, m.end(), close, "");
                    }
                    name[0] = "step-drop-argument(#" + m.group(1) + ")";
                    return replace(s, comma, close, "");
                }
                int n = rng.nextInt(4) == 0 ? 10_000 : 1 + rng.nextInt(5);
                name[0] = "step-extra-arguments(#" + m.group(1) + "," + n + ")";
                return replace(s, close, close, repeat(",$", n));
            }
            case 12: {
                Matcher m = randomMatch(s, ENTITY, rng);
                if (m == null) {
                    break;
                }
                name[0] = "step-delete-entity(#" + m.group(1) + ")";
                return replace(s, m.start(), lineEnd(s, m.start()), "");
            }
            case 13: {
                String[] sections = {"ENDSEC;", "END-ISO-10303-21;", "DATA;", "HEADER;", "ISO-10303-21;"};
                String sec = pick(rng, sections);
                int at = s.indexOf(sec);
                int r = rng.nextInt(4);
                if (r == 0 && at >= 0) {
                    name[0] = "step-drop-section(" + sec + ")";
                    return replace(s, at, at + sec.length(), "");
                }
                if (r == 1 && at >= 0) {
                    name[0] = "step-duplicate-section(" + sec + ")";
                    return replace(s, at, at, sec + "\n");
                }
                if (r == 2) {
                    String[] tails = {"#1=IFCWALL($);\n", "garbage", "ISO-10303-21;\nHEADER;\n", "/* unterminated",
                            "\u0000\u0000"};
                    String t = pick(rng, tails);
                    name[0] = "step-trailing(" + Mutator.printable(t) + ")";
                    return s + t;
                }
                int at2 = s.isEmpty() ? 0 : rng.nextInt(s.length());
                name[0] = "step-unterminated-comment(" + at2 + ")";
                return replace(s, at2, at2, "/*");
            }
            case 14: {
                Matcher m = randomMatch(s, ENUM, rng);
                if (m == null) {
                    break;
                }
                String[] v = {".X.", ".FOO.", ".", "..", ".T", "T.", ".t.", ".TRUE.", ".NOTDEFINED.", "$", "*", "1."};
                String e = pick(rng, v);
                name[0] = "step-enum(" + m.group() + "->" + e + ")";
                return replace(s, m.start(), m.end(), e);
            }
            case 15: {
                // an entity with a huge id, and a reference to it
                Matcher m = randomMatch(s, ENTITY, rng);
                if (m == null) {
                    break;
                }
                String[] ids = {"0", "2147483647", "2147483648", "9223372036854775807", "9223372036854775808",
                        "99999999999999999999999999", "-5", "00001"};
                String id = pick(rng, ids);
                String old = m.group(1);
                String t = s.replace("#" + old + ",", "#" + id + ",").replace("#" + old + ")", "#" + id + ")");
                int def = t.indexOf("#" + old + "=");
                name[0] = "step-renumber(#" + old + "->#" + id + ")";
                return def < 0 ? t : replace(t, def + 1, def + 1 + old.length(), id);
            }
            case 16: {
                // geometry that divides by zero or overflows: zero directions, huge points
                Matcher m = randomMatch(s, DIRECTION, rng);
                if (m == null) {
                    break;
                }
                String[] v = {"0.,0.,0.", "0.,0.", "NaN,0.,1.", "1.E308,1.E308,1.E308", "-1.E308,1.E308,0.",
                        "1.E-320,0.,0.", "0.", "", "1.,2.,3.,4.", "$,$,$", "1.E38,1.E38,1.E38", "3.5E38,0.,0."};
                String e = pick(rng, v);
                name[0] = "step-geometry(" + m.group() + "->" + e + ")";
                return replace(s, m.start(1), m.end(1), e);
            }
            case 17: {
                Matcher m = randomMatch(s, UNIT_PREFIX, rng);
                if (m == null) {
                    break;
                }
                String[] v = {".ATTO.", ".EXA.", ".FOO.", "$", ".MILLI.", ".KILO."};
                String e = pick(rng, v);
                name[0] = "step-unit-prefix(" + m.group() + "->" + e + ")";
                return replace(s, m.start(), m.end(), e);
            }
            case 18: {
                // line structure: everything on one line, CRLF, or entities split across lines
                int r = rng.nextInt(3);
                name[0] = r == 0 ? "step-one-line" : r == 1 ? "step-crlf" : "step-split-lines";
                return r == 0 ? s.replace("\n", "") : r == 1 ? s.replace("\n", "\r\n") : s.replace(",", ",\n");
            }
            default: {
                // a huge list: many elements in one aggregate
                Matcher m = randomMatch(s, ARGUMENT_START, rng);
                if (m == null) {
                    break;
                }
                int n = 1000 * (1 + rng.nextInt(100));
                String unit = rng.nextBoolean() ? "1.," : "#1,";
                name[0] = "step-huge-list(" + m.start() + "," + n + ")";
                return replace(s, m.start(), m.start(), "(" + repeat(unit, n) + "1.),");
            }
        }
        if (name[0] == null) {
            // nothing to match: a generic STEP token somewhere
            int at = s.isEmpty() ? 0 : rng.nextInt(s.length());
            name[0] = "step-insert-reference(" + at + ")";
            return replace(s, at, at, "#" + rng.nextInt(100_000));
        }
        return s;
    }

    private static int lineEnd(String s, int from) {
        int i = s.indexOf('\n', from);
        return i < 0 ? s.length() : i + 1;
    }

    /** The id of the entity whose line holds position at. */
    private static String ownId(String s, int at) {
        int lineStart = s.lastIndexOf('\n', at) + 1;
        int i = lineStart + 1;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i > lineStart + 1 && s.charAt(lineStart) == '#' ? s.substring(lineStart + 1, i) : "1";
    }
}
