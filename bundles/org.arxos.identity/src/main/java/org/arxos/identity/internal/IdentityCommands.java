package org.arxos.identity.internal;

import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.arxos.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command to create users and issue tokens. */
@Component(service = IdentityCommands.class, property = {
        "osgi.command.scope=arxos",
        "osgi.command.function=token" })
public final class IdentityCommands {

    private final FileIdentityStore store;

    @Activate
    public IdentityCommands(@Reference FileIdentityStore store) {
        this.store = store;
    }

    @Descriptor("creates the user if needed and prints a new bearer token for it (shown only once)")
    public String token(
            @Descriptor("also an administrator, who may pin implementations for every tenant")
            @Parameter(names = "--admin", presentValue = "true", absentValue = "false") boolean administrator,
            @Descriptor("tenant") String tenant, @Descriptor("user name") String user,
            @Descriptor("role on every building of the tenant: viewer, editor or owner") String role) {
        Role tenantRole;
        try {
            tenantRole = Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "unknown role '" + role + "': use viewer, editor or owner";
        }
        return store.issueToken(tenant, user, tenantRole, administrator);
    }
}
