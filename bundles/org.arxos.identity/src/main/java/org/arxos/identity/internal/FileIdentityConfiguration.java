package org.arxos.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Arxos file identity store",
        description = "Users, their tenants and roles, and hashes of their bearer tokens, in one JSON file.")
@interface FileIdentityConfiguration {

    String PID = "org.arxos.identity.file";

    @AttributeDefinition(description = "The identity file, relative to the server's working directory")
    String path() default "data/identity.json";

    @AttributeDefinition(description = "When the file does not exist: create this development user with owner "
            + "rights on its tenant and print its token once; empty to create nobody")
    String developmentUser() default "dev";

    @AttributeDefinition(description = "The development user's tenant")
    String developmentTenant() default "default";

    @AttributeDefinition(description = "Also write the development token to this file (readable by the owner "
            + "only), so scripts can use it; empty for none")
    String developmentTokenFile() default "data/dev-token";
}
