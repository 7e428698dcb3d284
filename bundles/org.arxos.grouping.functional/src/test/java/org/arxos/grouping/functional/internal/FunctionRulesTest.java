package org.arxos.grouping.functional.internal;

import static org.arxos.model.ObjectType.COMPONENT;
import static org.arxos.model.ObjectType.FLOOR;
import static org.arxos.model.ObjectType.SPACE;
import static org.arxos.model.ObjectType.SYSTEM;
import static org.arxos.model.ObjectType.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FunctionRulesTest {

    private final FunctionRules defaults = FunctionalGroupingStrategy.defaultRules();

    @Test
    void theDefaultsCoverWhatTheGeneratorMakes() {
        assertEquals("lighting", defaults.functionOf(COMPONENT, "light-fixture", "electrical"));
        assertEquals("lighting", defaults.functionOf(COMPONENT, "occupancy-sensor", "electrical"));
        assertEquals("power", defaults.functionOf(COMPONENT, "receptacle", "electrical"));
        assertEquals("power", defaults.functionOf(COMPONENT, "panel", "electrical"));
        assertEquals("power", defaults.functionOf(COMPONENT, "circuit", "electrical"));
        assertEquals("power", defaults.functionOf(COMPONENT, "switchboard", "electrical"));
        assertEquals("power", defaults.functionOf(COMPONENT, "riser", "electrical"));
        assertEquals("plumbing-distribution", defaults.functionOf(COMPONENT, "riser", "plumbing"));
        assertEquals("plumbing-distribution", defaults.functionOf(COMPONENT, "water-main", "plumbing"));
        assertEquals("plumbing-distribution", defaults.functionOf(COMPONENT, "water-branch", "plumbing"));
        assertEquals("plumbing-fixtures", defaults.functionOf(COMPONENT, "water-closet", "plumbing"));
        assertEquals("plumbing-fixtures", defaults.functionOf(COMPONENT, "floor-drain", "plumbing"));
        assertEquals("hvac-terminals", defaults.functionOf(COMPONENT, "duct-terminal", "mechanical"));
        assertEquals("hvac-terminals", defaults.functionOf(COMPONENT, "thermostat", "mechanical"));
        assertEquals("hvac-equipment", defaults.functionOf(COMPONENT, "vav-box", "mechanical"));
        assertEquals("hvac-equipment", defaults.functionOf(COMPONENT, "air-handler", "mechanical"));
        assertEquals("egress", defaults.functionOf(SPACE, "corridor", null));
        assertEquals("egress", defaults.functionOf(SPACE, "stair", null));
        assertEquals("workspaces", defaults.functionOf(SPACE, "office", null));
        assertEquals("workspaces", defaults.functionOf(SPACE, "open-office", null));
        assertEquals("meeting", defaults.functionOf(SPACE, "meeting-room", null));
        assertEquals("support", defaults.functionOf(SPACE, "restroom", null));
        assertEquals("support", defaults.functionOf(SPACE, "copy-room", null));
        assertEquals("organization", defaults.functionOf(FLOOR, "floor", null));
        assertEquals("organization", defaults.functionOf(ZONE, "zone", null));
        assertEquals("organization", defaults.functionOf(SYSTEM, "electrical", null));
    }

    @Test
    void theDefaultsCoverWhatTheImportersMake() {
        assertEquals("structure", defaults.functionOf(COMPONENT, "ifcwallstandardcase", null));
        assertEquals("structure", defaults.functionOf(COMPONENT, "ifcslab", null));
        assertEquals("structure", defaults.functionOf(COMPONENT, "ifcmember", null));
        assertEquals("structure", defaults.functionOf(COMPONENT, "wall", null), "SVG walls");
        assertEquals("egress", defaults.functionOf(COMPONENT, "ifcdoor", null));
        assertEquals("egress", defaults.functionOf(COMPONENT, "ifcstairflight", null));
        assertEquals("envelope", defaults.functionOf(COMPONENT, "ifcwindow", null));
        assertEquals("envelope", defaults.functionOf(COMPONENT, "ifcroof", null));
        assertEquals("furnishing", defaults.functionOf(COMPONENT, "ifcfurnishingelement", null));
        assertEquals("hvac-terminals", defaults.functionOf(COMPONENT, "ifcairterminal", "mechanical"));
        assertEquals("hvac-equipment", defaults.functionOf(COMPONENT, "ifcductsegment", "mechanical"));
        assertEquals("hvac-equipment", defaults.functionOf(COMPONENT, "ifcflowsegment", "mechanical"),
                "a generic element takes the discipline of its system");
        assertEquals("plumbing-distribution", defaults.functionOf(COMPONENT, "ifcflowsegment", "plumbing"));
        assertEquals("other-spaces", defaults.functionOf(SPACE, "space", null), "IFC spaces carry no use");
        assertEquals("other", defaults.functionOf(COMPONENT, "ifcbuildingelementproxy", null));
        assertEquals("other", defaults.functionOf(COMPONENT, "ifcflowsegment", null));
    }

    @Test
    void theFirstRuleThatMatchesWins() throws RuleSyntaxException {
        FunctionRules rules = FunctionRules.parse("a=component:x*", "b=component:xy,*:z", "", "  c = * : ? @ e* ");

        assertEquals("a", rules.functionOf(COMPONENT, "xy", null));
        assertEquals("b", rules.functionOf(SPACE, "z", null));
        assertEquals("other", rules.functionOf(SPACE, "xy", null));
        assertEquals("c", rules.functionOf(SPACE, "q", "electrical"));
        assertEquals("other", rules.functionOf(SPACE, "q", null), "a system pattern needs a system");
        assertEquals("other", rules.functionOf(SPACE, "qq", "electrical"), "? is one character");
    }

    @Test
    void globsMatchKindsLiterally() throws RuleSyntaxException {
        FunctionRules rules = FunctionRules.parse("dots=component:a.b", "plus=component:c+");

        assertEquals("dots", rules.functionOf(COMPONENT, "a.b", null));
        assertEquals("other", rules.functionOf(COMPONENT, "axb", null));
        assertEquals("plus", rules.functionOf(COMPONENT, "c+", null));
        assertEquals("other", rules.functionOf(COMPONENT, "cc", null));
    }

    @Test
    void rulesThatCannotBeReadAreNamedWithWhatIsWrong() {
        assertEquals("function rule 2 'lighting': it is not function=type:kind,... (such as "
                + "lighting=component:light-fixture,component:lamp*)", message("a=*:*", "lighting"));
        assertEquals("function rule 1 'Light=component:x': the function 'Light' must be lower-case letters, digits "
                + "and hyphens, starting with a letter or digit", message("Light=component:x"));
        assertEquals("function rule 1 'a/b=component:x': the function 'a/b' must be lower-case letters, digits and "
                + "hyphens, starting with a letter or digit", message("a/b=component:x"));
        assertEquals("function rule 1 'a=component:x,': a pattern is empty", message("a=component:x,"));
        assertEquals("function rule 1 'a=light-fixture': 'light-fixture' is not type:kind (such as "
                + "component:light-fixture)", message("a=light-fixture"));
        assertEquals("function rule 1 'a=lamp:x': unknown object type 'lamp'", message("a=lamp:x"));
        assertEquals("function rule 1 'a=component:': 'component:' has no kind", message("a=component:"));
        assertEquals("function rule 1 'a=component:x@': 'component:x@' has no system kind", message("a=component:x@"));
        assertEquals("function rule 1 'a=component:x y': the kind 'x y' of 'component:x y' contains ' '",
                message("a=component:x y"));
    }

    @Test
    void rulesThatReadTheSameAreEqual() throws RuleSyntaxException {
        FunctionRules a = FunctionRules.parse("a=component:x", "b=space:y");
        FunctionRules b = FunctionRules.parse(" a=component:x ", "", "b=space:y");
        FunctionRules c = FunctionRules.parse("b=space:y", "a=component:x");

        assertEquals(a, b);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a, c, "order matters");
        assertNotEquals(a.fingerprint(), c.fingerprint());
        assertEquals(24, a.fingerprint().length());
    }

    private static String message(String... rules) {
        return assertThrows(RuleSyntaxException.class, () -> FunctionRules.parse(rules)).getMessage();
    }
}
