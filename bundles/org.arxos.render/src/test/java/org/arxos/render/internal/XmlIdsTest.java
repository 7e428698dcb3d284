package org.arxos.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class XmlIdsTest {

    private static final Pattern NC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

    @Test
    void generatedIdsStayAsTheyAre() {
        for (String id : List.of("f3", "f3z2e-c17", "b", "be-k3", "Level.2")) {
            assertEquals(id, XmlIds.of(id));
        }
    }

    @Test
    void otherCharactersAndBadFirstCharactersAreEscapedWithFourHexDigits() {
        assertEquals("f3z2e_002flight-fixture", XmlIds.of("f3z2e/light-fixture"));
        assertEquals("ifc_003a2O2Fr_005ft4X7", XmlIds.of("ifc:2O2Fr_t4X7"));
        assertEquals("_00312", XmlIds.of("12"));
        assertEquals("_002d1", XmlIds.of("-1"));
        assertEquals("_002f", XmlIds.of("/"));
        assertEquals("a_0020b_00e9", XmlIds.of("a b\u00e9"));
    }

    @Test
    void differentNodeIdsGiveDifferentValidXmlIds() {
        List<String> tricky = List.of("a_002f", "a/", "a_", "_", "__", "_0031", "1", "a:b", "a_003ab", "a.b", "a-b",
                "a//b", "a/_/b", "x\uD83D\uDE00", "x\uD83D", ".", "..");
        Set<String> seen = new HashSet<>();
        for (String id : tricky) {
            String xmlId = XmlIds.of(id);
            assertTrue(NC_NAME.matcher(xmlId).matches(), id + " -> " + xmlId);
            assertTrue(seen.add(xmlId), id + " -> " + xmlId + " clashes");
        }
    }
}
