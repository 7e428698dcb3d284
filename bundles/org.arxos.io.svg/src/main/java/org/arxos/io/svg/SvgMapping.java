package org.arxos.io.svg;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * How a drawn SVG floor plan becomes a building: the scale, the y axis, and the rules that decide which groups are
 * floors, zones, systems or room containers and which shapes are spaces. Rules are tried in order, the first match
 * wins. The JSON form and the defaults are described in {@code docs/formats/svg.md}.
 *
 * @param pixelsPerMetre   SVG pixels (CSS px of the document's viewport) per metre of building
 * @param yUp              {@code true}: floor y grows upward (y = (viewport height - svg y) / scale); {@code false}:
 *                         floor y grows downward like SVG's
 * @param groupRules       rules for {@code g}, {@code a}, {@code switch} and nested {@code svg} elements
 * @param shapeRules       rules for shapes ({@code rect}, {@code path}, {@code use}, ...)
 * @param spacesFromLabels whether a closed shape that is the smallest one around a text label becomes a space
 * @param maxSpaceShare    a closed shape covering more than this share of its floor's drawing is an outline, never a
 *                         space found through a label
 * @param outsideFloors    what to do with content outside every floor group when the file has floor groups:
 *                         {@code "skip"} (reported) or {@code "floor"} (an extra floor holds it)
 */
public record SvgMapping(double pixelsPerMetre, boolean yUp, List<Rule> groupRules, List<Rule> shapeRules,
        boolean spacesFromLabels, double maxSpaceShare, String outsideFloors) {

    /** What an element is tested on. */
    public enum Attribute {
        /** the {@code id} attribute */
        ID,
        /** any token of the {@code class} attribute */
        CLASS,
        /** {@code inkscape:label}, else the {@code title} child */
        LABEL,
        /** any of the above */
        ANY,
        /** the element's local name */
        ELEMENT
    }

    /**
     * One rule: when {@code pattern} is found in the attribute, the element becomes {@code as} with {@code kind}.
     *
     * @param as   for groups: {@code floor}, {@code zone}, {@code system}, {@code rooms}, {@code group} (no level of
     *             its own), {@code skip}; for shapes: {@code space}, {@code component}, {@code skip}
     * @param kind the object's kind, or {@code null} for the default of its type (a system's kind is its discipline)
     */
    public record Rule(Attribute attribute, Pattern pattern, String as, String kind) {

        public Rule {
            if (attribute == null || pattern == null || as == null) {
                throw new IllegalArgumentException("a rule needs an attribute, a pattern and an 'as'");
            }
        }

        public static Rule of(Attribute attribute, String regex, String as, String kind) {
            return new Rule(attribute, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), as, kind);
        }
    }

    static final List<String> GROUP_ROLES = List.of("floor", "zone", "system", "rooms", "group", "skip");
    static final List<String> SHAPE_ROLES = List.of("space", "component", "skip");

    public SvgMapping {
        if (!(pixelsPerMetre > 0) || Double.isInfinite(pixelsPerMetre)) {
            throw new IllegalArgumentException("pixelsPerMetre must be a positive number: " + pixelsPerMetre);
        }
        groupRules = List.copyOf(groupRules);
        shapeRules = List.copyOf(shapeRules);
        for (Rule r : groupRules) {
            if (!GROUP_ROLES.contains(r.as())) {
                throw new IllegalArgumentException("a group rule's 'as' must be one of " + GROUP_ROLES + ": " + r.as());
            }
        }
        for (Rule r : shapeRules) {
            if (!SHAPE_ROLES.contains(r.as())) {
                throw new IllegalArgumentException("a shape rule's 'as' must be one of " + SHAPE_ROLES + ": " + r.as());
            }
        }
        if (!(maxSpaceShare > 0 && maxSpaceShare <= 1)) {
            throw new IllegalArgumentException("maxSpaceShare must be in (0, 1]: " + maxSpaceShare);
        }
        if (!"skip".equals(outsideFloors) && !"floor".equals(outsideFloors)) {
            throw new IllegalArgumentException("outsideFloors must be 'skip' or 'floor': " + outsideFloors);
        }
    }

    // A name part: the word must stand alone, delimited by anything but a letter (first_floor, Floor 9, hvac-zone).
    private static String word(String alternatives) {
        return "(^|[^a-z])(" + alternatives + ")([^a-z]|$)";
    }

    /** The default group rules, in order. */
    public static final List<Rule> DEFAULT_GROUP_RULES = List.of(
            // User-interface parts of interactive plans (Home Assistant floor plan buttons, legends, title blocks).
            Rule.of(Attribute.ANY, word("button|buttons|legend|legends|titleblock|title-block|controls"), "skip", null),
            Rule.of(Attribute.ANY, word("floor|storey|story|level|etage|geschoss|stockwerk"), "floor", "storey"),
            Rule.of(Attribute.ANY, word("zone|zones|wing|sector"), "zone", "zone"),
            Rule.of(Attribute.ANY, word("electrical|electric|power|lighting|lights"), "system", "electrical"),
            Rule.of(Attribute.ANY, word("mechanical|hvac|ventilation|heating|cooling|ducts|ductwork"), "system",
                    "mechanical"),
            Rule.of(Attribute.ANY, word("plumbing|sanitary|drainage|pipes|piping"), "system", "plumbing"),
            Rule.of(Attribute.ANY, word("structural|structure|columns|beams"), "system", "structural"),
            Rule.of(Attribute.ANY, word("fire|life-safety|lifesafety|sprinklers|alarms"), "system", "life-safety"),
            Rule.of(Attribute.ANY, word("rooms|spaces|areas"), "rooms", "room"));

    /** The default shape rules, in order. */
    public static final List<Rule> DEFAULT_SHAPE_RULES = List.of(
            // Home Assistant floor plans name a room's overlay after its sensor or area: binary_sensor.garage.
            Rule.of(Attribute.ID, "^(binary_sensor|area|room|space)\\.", "space", "room"),
            Rule.of(Attribute.LABEL, "^(binary_sensor|area|room|space)\\.", "space", "room"),
            Rule.of(Attribute.ANY, word("room|space"), "space", "room"));

    /** 10 px per metre (a 1:100 plan drawn in millimetres), y up, the default rules. */
    public static final SvgMapping DEFAULT = new SvgMapping(10, true, DEFAULT_GROUP_RULES, DEFAULT_SHAPE_RULES,
            true, 0.5, "skip");

    public SvgMapping withPixelsPerMetre(double value) {
        return new SvgMapping(value, yUp, groupRules, shapeRules, spacesFromLabels, maxSpaceShare, outsideFloors);
    }

    /**
     * Reads a mapping file (JSON). Fields left out keep their default; rules given come before the default rules
     * unless {@code "replaceDefaultRules": true}.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public static SvgMapping read(InputStream in) throws IOException {
        JsonFactory factory = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
        double ppm = DEFAULT.pixelsPerMetre;
        boolean yUp = DEFAULT.yUp;
        boolean fromLabels = DEFAULT.spacesFromLabels;
        double share = DEFAULT.maxSpaceShare;
        String outside = DEFAULT.outsideFloors;
        boolean replace = false;
        List<Rule> groups = new ArrayList<>();
        List<Rule> shapes = new ArrayList<>();
        try (JsonParser p = factory.createParser(in)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "the mapping must be a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "pixelsPerMetre" -> {
                        expect(t.isNumeric(), "pixelsPerMetre must be a number");
                        ppm = p.getDoubleValue();
                    }
                    case "yAxis" -> {
                        String v = p.getValueAsString();
                        expect("up".equals(v) || "down".equals(v), "yAxis must be \"up\" or \"down\"");
                        yUp = "up".equals(v);
                    }
                    case "spacesFromLabels" -> {
                        expect(t.isBoolean(), "spacesFromLabels must be true or false");
                        fromLabels = p.getBooleanValue();
                    }
                    case "maxSpaceShare" -> {
                        expect(t.isNumeric(), "maxSpaceShare must be a number");
                        share = p.getDoubleValue();
                    }
                    case "outsideFloors" -> outside = p.getValueAsString();
                    case "replaceDefaultRules" -> {
                        expect(t.isBoolean(), "replaceDefaultRules must be true or false");
                        replace = p.getBooleanValue();
                    }
                    case "groups" -> rules(p, t, groups, "groups");
                    case "shapes" -> rules(p, t, shapes, "shapes");
                    default -> throw new IllegalArgumentException("unknown mapping field '" + field + "'");
                }
            }
        }
        if (!replace) {
            groups.addAll(DEFAULT_GROUP_RULES);
            shapes.addAll(DEFAULT_SHAPE_RULES);
        }
        return new SvgMapping(ppm, yUp, groups, shapes, fromLabels, share, outside);
    }

    private static void rules(JsonParser p, JsonToken t, List<Rule> into, String field) throws IOException {
        expect(t == JsonToken.START_ARRAY, field + " must be an array of rules");
        int index = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String where = field + "[" + index++ + "]";
            String match = "any";
            String pattern = null;
            String as = null;
            String kind = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                String value = p.getValueAsString();
                switch (name) {
                    case "match" -> match = value;
                    case "pattern" -> pattern = value;
                    case "as" -> as = value;
                    case "kind" -> kind = value;
                    default -> throw new IllegalArgumentException(where + ": unknown rule field '" + name + "'");
                }
            }
            expect(pattern != null && as != null, where + " needs \"pattern\" and \"as\"");
            Attribute attribute;
            try {
                attribute = Attribute.valueOf(match.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(where + ": match must be id, class, label, any or element");
            }
            try {
                into.add(Rule.of(attribute, pattern, as, kind));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": bad pattern: " + e.getDescription());
            }
        }
    }

    private static void expect(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
