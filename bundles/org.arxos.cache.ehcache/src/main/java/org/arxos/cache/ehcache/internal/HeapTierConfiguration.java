package org.arxos.cache.ehcache.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = HeapTierConfiguration.PID, name = "Arxos cache L1: Ehcache heap",
        description = "The memory tier on Ehcache's heap store: one partition per tenant, bounded in entries (Ehcache"
                + " no longer sizes its heap in bytes), so a partition holds at most its entries times the largest"
                + " value.")
@interface HeapTierConfiguration {

    String PID = "org.arxos.cache.ehcache.heap";

    @AttributeDefinition(name = "Entries per tenant", min = "1",
            description = "How many entries a tenant's partition keeps before it evicts, unless tenantQuotas says"
                    + " otherwise.")
    int tenantEntries() default 10_000;

    @AttributeDefinition(name = "Tenant quotas", required = false,
            description = "Entries for particular tenants, as tenant=entries, e.g. acme=50000.")
    String[] tenantQuotas() default {};

    @AttributeDefinition(name = "Largest value (KiB)", min = "1",
            description = "Values larger than this are not kept in memory (the lower tiers still keep them).")
    int maxValueKilobytes() default 256;

    @AttributeDefinition(name = "Tenants", min = "1",
            description = "How many tenants get a partition; entries of further tenants are not kept in this tier.")
    int maxTenants() default 100;
}
