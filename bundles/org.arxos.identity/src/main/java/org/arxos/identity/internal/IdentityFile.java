package org.arxos.identity.internal;

import java.util.List;
import java.util.Map;

/** The identity file as stored: users with their tenant, roles and token hashes. */
record IdentityFile(int version, List<User> users) {

    static final int VERSION = 1;

    IdentityFile {
        users = List.copyOf(users);
    }

    /**
     * @param tenantRole  role on every building of the tenant ({@code viewer}, {@code editor}, {@code owner}) or null
     * @param buildings   roles on single buildings, by building id
     * @param tokenHashes   SHA-256 of each token, hex
     * @param administrator may change what applies to every tenant; absent means no
     */
    record User(String name, String tenant, String tenantRole, Map<String, String> buildings,
            List<String> tokenHashes, boolean administrator) {

        User {
            buildings = buildings == null ? Map.of() : Map.copyOf(buildings);
            tokenHashes = tokenHashes == null ? List.of() : List.copyOf(tokenHashes);
        }
    }
}
