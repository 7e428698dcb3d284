package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RouteMatchTest {

    private static RouteMatch.Found found(String method, String path) {
        return assertInstanceOf(RouteMatch.Found.class, RouteMatch.of(method, path));
    }

    @Test
    void literalSegmentsWinOverVariablesForTheSameMethod() {
        assertEquals(ApiRoute.IMPORT_BUILDING, found("POST", "/api/buildings/import").route());
        assertEquals(ApiRoute.GENERATE_BUILDING, found("POST", "/api/buildings/generate").route());
    }

    @Test
    void aBuildingMayBeNamedLikeALiteralSegmentForOtherMethods() {
        RouteMatch.Found get = found("GET", "/api/buildings/import");
        assertEquals(ApiRoute.GET_BUILDING, get.route());
        assertEquals(Map.of("id", "import"), get.variables());
    }

    @Test
    void variablesAreExtracted() {
        RouteMatch.Found revision = found("GET", "/api/buildings/b-1/revisions/head");
        assertEquals(ApiRoute.GET_REVISION, revision.route());
        assertEquals("b-1", revision.variable("id"));
        assertEquals("head", revision.variable("revision"));
        assertEquals("compute-engine", found("PUT", "/api/implementations/compute-engine").variable("capability"));
        assertEquals(ApiRoute.UNPIN_IMPLEMENTATION, found("DELETE", "/api/implementations/grouping/pin").route());
    }

    @Test
    void oneTrailingSlashIsIgnored() {
        assertEquals(ApiRoute.LIST_BUILDINGS, found("GET", "/api/buildings/").route());
    }

    @Test
    void aKnownPathWithAnotherMethodIsNotAllowedWithTheAllowedOnesSorted() {
        RouteMatch.MethodNotAllowed match = assertInstanceOf(RouteMatch.MethodNotAllowed.class,
                RouteMatch.of("PATCH", "/api/buildings/b1"));
        assertEquals(List.of("DELETE", "GET"), match.allowed());
        assertEquals(List.of("GET", "POST"), assertInstanceOf(RouteMatch.MethodNotAllowed.class,
                RouteMatch.of("PUT", "/api/buildings")).allowed());
        assertEquals(List.of("POST"), assertInstanceOf(RouteMatch.MethodNotAllowed.class,
                RouteMatch.of("GET", "/api/buildings/b1/changes")).allowed());
    }

    @Test
    void unknownPathsAndEmptySegmentsAreNotFound() {
        assertInstanceOf(RouteMatch.NotFound.class, RouteMatch.of("GET", "/api/nothing"));
        assertInstanceOf(RouteMatch.NotFound.class, RouteMatch.of("GET", "/api/buildings//revisions"));
        assertInstanceOf(RouteMatch.NotFound.class, RouteMatch.of("GET", "/api/buildings/b1/revisions/1/x"));
        assertInstanceOf(RouteMatch.NotFound.class, RouteMatch.of("GET", "/api"));
        assertInstanceOf(RouteMatch.NotFound.class, RouteMatch.of("GET", null));
    }
}
