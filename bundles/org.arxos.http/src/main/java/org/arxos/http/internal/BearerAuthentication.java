package org.arxos.http.internal;

import org.arxos.api.security.IdentityStore;
import org.arxos.api.security.Principal;
import org.arxos.api.selection.ImplementationSelector;

/** Turns the Authorization header into a principal through the identity store serving at the time of the call. */
final class BearerAuthentication {

    private static final String CHALLENGE = "Bearer realm=\"arxos\"";

    private final ImplementationSelector selector;

    BearerAuthentication(ImplementationSelector selector) {
        this.selector = selector;
    }

    /**
     * @throws ProblemException 401 with a {@code WWW-Authenticate: Bearer} challenge for a missing, malformed or
     *                          unknown token
     */
    Principal authenticate(String authorizationHeader) {
        String token = BearerToken.from(authorizationHeader).orElseThrow(() -> authorizationHeader == null
                ? unauthorized("missing bearer token: send 'Authorization: Bearer <token>'", CHALLENGE)
                : unauthorized("the Authorization header is not 'Bearer <token>'",
                        CHALLENGE + ", error=\"invalid_request\""));
        return selector.require(IdentityStore.class).authenticate(token)
                .orElseThrow(() -> unauthorized("invalid or expired bearer token",
                        CHALLENGE + ", error=\"invalid_token\""));
    }

    private static ProblemException unauthorized(String detail, String challenge) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail).withHeader("WWW-Authenticate", challenge);
    }
}
