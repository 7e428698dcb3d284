package org.arxos.cache.caffeine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = CaffeineTierConfiguration.PID, name = "Arxos cache L1: Caffeine",
        description = "The memory tier on Caffeine: one partition per tenant weighed in bytes (value plus key),"
                + " admitting a new entry only when it is likely to be used more often than the one it would evict"
                + " (W-TinyLFU).")
@interface CaffeineTierConfiguration {

    String PID = "org.arxos.cache.caffeine";

    @AttributeDefinition(name = "Megabytes per tenant", min = "0",
            description = "How much a tenant's partition holds before it evicts, unless tenantQuotas says otherwise;"
                    + " 0 is a tenth of the JVM's maximum heap (at least 16).")
    int tenantMegabytes() default 0;

    @AttributeDefinition(name = "Tenant quotas", required = false,
            description = "Megabytes for particular tenants, as tenant=megabytes, e.g. acme=512.")
    String[] tenantQuotas() default {};

    @AttributeDefinition(name = "Tenants", min = "1",
            description = "How many tenants get a partition; entries of further tenants are not kept in this tier.")
    int maxTenants() default 100;
}
