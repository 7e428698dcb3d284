package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void readsTheToken() {
        assertEquals(Optional.of("abc.DEF-123"), BearerToken.from("Bearer abc.DEF-123"));
        assertEquals(Optional.of("t"), BearerToken.from("bearer   t  "));
        assertEquals(Optional.of("t"), BearerToken.from("BEARER\tt"));
    }

    @Test
    void rejectsMissingOrOtherSchemes() {
        assertEquals(Optional.empty(), BearerToken.from(null));
        assertEquals(Optional.empty(), BearerToken.from(""));
        assertEquals(Optional.empty(), BearerToken.from("Bearer"));
        assertEquals(Optional.empty(), BearerToken.from("Bearer   "));
        assertEquals(Optional.empty(), BearerToken.from("Basic dXNlcjpwYXNz"));
        assertEquals(Optional.empty(), BearerToken.from("Bearertoken"));
        assertEquals(Optional.empty(), BearerToken.from("Bearer two tokens"));
    }
}
