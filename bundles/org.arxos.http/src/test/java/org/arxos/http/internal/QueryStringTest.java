package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void parsesDecodesAndKeepsRepeats() {
        assertEquals(Map.of("name", List.of("my file.ifc"), "a", List.of("1", "2"), "flag", List.of("")),
                QueryString.parse("name=my%20file.ifc&a=1&a=2&flag&&"));
    }

    @Test
    void emptyOrMissing() {
        assertEquals(Map.of(), QueryString.parse(null));
        assertEquals(Map.of(), QueryString.parse(""));
    }

    @Test
    void malformedEscapesAreBadRequests() {
        assertEquals(ProblemType.BAD_REQUEST,
                assertThrows(ProblemException.class, () -> QueryString.parse("name=%zz")).type());
    }
}
