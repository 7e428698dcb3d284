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

/** Mutations that know JSON and the native building document (docs/formats/json.md). */
final class JsonMutations {

    private JsonMutations() {
    }

    private static final Pattern NUMBER = Pattern.compile("(?<=[\\[:,])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?=[,\\]}])");
    private static final Pattern FIELD = Pattern.compile("\"([A-Za-z]+)\":(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?[0-9.eE+-]+|true|false|null|\\[[^\\[\\]]*\\])");
    private static final Pattern STRING_VALUE = Pattern.compile("(?<=:)\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    private static final Pattern VALUE_START = Pattern.compile("(?<=[:\\[,])(?=[-0-9\"tfn\\[{])");
    private static final Pattern ELEMENT_LINE = Pattern.compile("(?m)^\\{\"id\":\"[^\"]*\".*$");
    private static final Pattern COORDINATES = Pattern.compile("\"(bounds|polygon|polyline|elevation)\":\\[([^\\]]*)\\]");

    private static final String[] NUMBERS = {"NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1e-400", "-0", "00",
            "01", "1.", ".5", "1e", "99999999999999999999999999999999", "\"1\"", "null", "true", "[]", "{}",
            "3.4028236e38", "-3.4028236e38", "1e39", "1.4e-46", "9223372036854775808", "-9223372036854775809",
            "2147483648", "0x10", "+1", "1_000", "4.9e-324", "1.7976931348623157e308"};
    private static final String[] STRINGS = {"", " ", "\\ud800", "\\udc00\\ud800", "\\u0000", "\\x41", "\\", "\\u12",
            "\u00e9", "\uD83C\uDFE0", "a\"b", "f1", "hq", "building", "floor", "space", "FLOOR", "component", "zone",
            "system", "../etc", "a b", "arxos.changes", "arxos.building"};
    private static final String[] FIELD_NAMES = {"id", "type", "kind", "parent", "name", "bounds", "polygon",
            "polyline", "elevation", "properties", "from", "to", "format", "version", "building", "objects",
            "connections", "unknown", "ID", ""};
    private static final String[] GEOMETRY = {"", "1", "1,2,3", "1,2,3,4,5", "4,4,1,1", "NaN,0,1,1", "0,0,1e39,1e39",
            "0,0,Infinity,1", "1,1,1,1", "0,0,0,0,0,0", "0,0,1,0", "0,0,1,1,2,2", "\"a\",0,1,1", "null,0,1,1", "[0],1,2,3",
            "-0,-0,-0,-0", "3,1", "1e-45,1e-45,2e-45,2e-45"};

    static String mutate(String s, SplittableRandom rng, String[] name) {
        switch (rng.nextInt(13)) {
            case 0:
            case 1: {
                Matcher m = randomMatch(s, NUMBER, rng);
                if (m == null) {
                    break;
                }
                String v = pick(rng, NUMBERS);
                name[0] = "json-number(" + m.start() + ":" + m.group() + "->" + v + ")";
                return replace(s, m.start(), m.end(), v);
            }
            case 2: {
                Matcher m = randomMatch(s, VALUE_START, rng);
                if (m == null) {
                    break;
                }
                int d = depth(rng);
                boolean arrays = rng.nextBoolean();
                boolean balanced = rng.nextInt(4) != 0;
                String v = arrays ? repeat("[", d) + "1" + (balanced ? repeat("]", d) : "")
                        : repeat("{\"a\":", d) + "1" + (balanced ? repeat("}", d) : "");
                name[0] = "json-nesting(" + m.start() + "," + d + (arrays ? ",arrays" : ",objects")
                        + (balanced ? "" : ",unbalanced") + ")";
                return replace(s, m.start(), m.start(), v + ",");
            }
            case 3: {
                // a field given twice
                Matcher m = randomMatch(s, FIELD, rng);
                if (m == null) {
                    break;
                }
                name[0] = "json-duplicate-field(" + m.group(1) + ")";
                return replace(s, m.end(), m.end(), "," + m.group());
            }
            case 4: {
                Matcher m = randomMatch(s, FIELD, rng);
                if (m == null) {
                    break;
                }
                int r = rng.nextInt(3);
                if (r == 0) {
                    name[0] = "json-drop-field(" + m.group(1) + ")";
                    int end = m.end() < s.length() && s.charAt(m.end()) == ',' ? m.end() + 1 : m.end();
                    return replace(s, m.start(), end, "");
                }
                String f = pick(rng, FIELD_NAMES);
                if (r == 1) {
                    name[0] = "json-rename-field(" + m.group(1) + "->" + f + ")";
                    return replace(s, m.start(1), m.end(1), f);
                }
                String[] values = {"null", "true", "1", "\"x\"", "[]", "{}", "[1,2]", "{\"text\":\"x\"}"};
                String v = pick(rng, values);
                name[0] = "json-field-value(" + m.group(1) + "->" + v + ")";
                return replace(s, m.start(2), m.end(2), v);
            }
            case 5: {
                Matcher m = randomMatch(s, STRING_VALUE, rng);
                if (m == null) {
                    break;
                }
                int r = rng.nextInt(3);
                String v = r == 0 ? repeat("x", 1000 * (1 + rng.nextInt(300)))
                        : r == 1 ? repeat("a", 120 + rng.nextInt(20)) : utf8(pick(rng, STRINGS));
                name[0] = "json-string(" + m.group(1) + "->" + Mutator.printable(v) + ")";
                return replace(s, m.start(1), m.end(1), v);
            }
            case 6: {
                // element order: a child before its parent, duplicates, deletions
                Matcher a = randomMatch(s, ELEMENT_LINE, rng);
                Matcher b = randomMatch(s, ELEMENT_LINE, rng);
                if (a == null || b == null) {
                    break;
                }
                String line = a.group();
                String bare = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
                int r = rng.nextInt(3);
                if (r == 0) {
                    name[0] = "json-duplicate-element(" + a.start() + "->" + b.start() + ")";
                    return replace(s, b.start(), b.start(), bare + ",\n");
                }
                if (r == 1) {
                    name[0] = "json-delete-element(" + a.start() + ")";
                    int end = Math.min(s.length(), a.end() + 1);
                    return replace(s, a.start(), end, "");
                }
                // move a to the front of the list it is in (before its parent, usually)
                int listStart = s.lastIndexOf("[\n", a.start());
                if (listStart < 0) {
                    break;
                }
                String without = replace(s, a.start(), Math.min(s.length(), a.end() + 1), "");
                name[0] = "json-move-element-first(" + a.start() + ")";
                return replace(without, listStart + 2, listStart + 2, bare + ",\n");
            }
            case 7: {
                Matcher m = randomMatch(s, COORDINATES, rng);
                if (m == null) {
                    break;
                }
                String v = pick(rng, GEOMETRY);
                if (rng.nextInt(4) == 0) {
                    // a second footprint, or a huge polygon
                    String second = rng.nextBoolean() ? ",\"polygon\":[0,0,1,0,1,1]"
                            : ",\"polygon\":[" + repeat("1,2,", 10_000 * (1 + rng.nextInt(10))) + "3,4]";
                    name[0] = "json-second-footprint";
                    return replace(s, m.end(), m.end(), second);
                }
                name[0] = "json-geometry(" + m.group(1) + "->[" + v + "])";
                return replace(s, m.start(2), m.end(2), v);
            }
            case 8: {
                // the object's parent: itself, unknown, a later object, a wrong type
                Matcher m = randomMatch(s, Pattern.compile("\"parent\":\"([^\"]*)\""), rng);
                if (m == null) {
                    break;
                }
                Matcher own = Pattern.compile("\"id\":\"([^\"]*)\"").matcher(s);
                String ownId = own.find(Math.max(0, s.lastIndexOf('\n', m.start()))) ? own.group(1) : "x";
                Matcher other = randomMatch(s, Pattern.compile("\"id\":\"([^\"]*)\""), rng);
                String[] v = {ownId, "nobody", other == null ? "x" : other.group(1), ""};
                String p = pick(rng, v);
                name[0] = "json-parent(" + m.group(1) + "->" + p + ")";
                return replace(s, m.start(1), m.end(1), p);
            }
            case 9: {
                // header: format, version, order, building id
                String[] edits = {"\"version\":1", "\"version\":2", "\"version\":0", "\"version\":-1", "\"version\":1.5",
                        "\"version\":\"1\"", "\"version\":99999999999999999999"};
                int r = rng.nextInt(3);
                if (r == 0) {
                    String v = pick(rng, edits);
                    name[0] = "json-version(" + v + ")";
                    return s.replaceFirst("\"version\":1", v);
                }
                if (r == 1) {
                    String[] formats = {"arxos.changes", "arxos.building2", "", "ARXOS.BUILDING"};
                    String f = pick(rng, formats);
                    name[0] = "json-format(" + f + ")";
                    return s.replaceFirst("\"format\":\"arxos.building\"", "\"format\":\"" + f + "\"");
                }
                name[0] = "json-header-order";
                return s.replaceFirst("\\{\"format\":\"arxos.building\",\"version\":1,", "{\"version\":1,\"format\":\"arxos.building\",");
            }
            case 10: {
                // properties: mixed or hostile values
                String[] props = {"{\"text\":\"a\",\"number\":1}", "{\"flag\":\"yes\"}", "{\"number\":1,\"unit\":5}",
                        "{}", "{\"number\":NaN}", "{\"text\":null}", "{\"unknown\":1}", "[]", "1",
                        "{\"number\":1e309,\"unit\":\"W\"}", "{\"text\":\"" + repeat("\\u00e9", 2000) + "\"}"};
                String p = pick(rng, props);
                Matcher m = randomMatch(s, Pattern.compile("\\{\"id\":\"[^\"]*\""), rng);
                if (m == null) {
                    break;
                }
                String key = rng.nextInt(4) == 0 ? "" : rng.nextBoolean() ? "p" : repeat("k", 300);
                name[0] = "json-property(" + Mutator.printable(p) + ")";
                return replace(s, m.end(), m.end(), ",\"properties\":{\"" + key + "\":" + p + "}");
            }
            case 11: {
                // content after the end, or the end cut off
                String[] tails = {"{}", "]", "}", ",", "x", "\u0000", " \n ", "{\"format\":\"arxos.building\"}"};
                String t = pick(rng, tails);
                name[0] = "json-trailing(" + Mutator.printable(t) + ")";
                return s.stripTrailing() + t;
            }
            default: {
                // connections: to unknown objects, self, duplicate ids
                Matcher m = randomMatch(s, Pattern.compile("\"(from|to)\":\"([^\"]*)\""), rng);
                if (m == null) {
                    int at = s.lastIndexOf("]}");
                    if (at < 0) {
                        break;
                    }
                    name[0] = "json-add-connections";
                    return replace(s, at + 1, at + 1, ",\"connections\":[\n{\"id\":\"c1\",\"from\":\"hq\",\"to\":\"hq\","
                            + "\"kind\":\"power\"},\n{\"id\":\"c1\",\"from\":\"nobody\",\"to\":\"hq\",\"kind\":\"\"}]");
                }
                String[] v = {"nobody", "", "hq", "b"};
                String p = pick(rng, v);
                name[0] = "json-connection-end(" + m.group(1) + "->" + p + ")";
                return replace(s, m.start(2), m.end(2), p);
            }
        }
        if (name[0] == null) {
            int at = s.isEmpty() ? 0 : rng.nextInt(s.length());
            name[0] = "json-insert-comma(" + at + ")";
            return replace(s, at, at, ",");
        }
        return s;
    }
}
