package org.arxos.cache.ehcache.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = DiskTierConfiguration.PID, name = "Arxos cache L3: Ehcache disk",
        description = "The disk tier on Ehcache's persistent disk store: one partition per tenant, bounded in bytes,"
                + " kept across restarts in a directory that only this tier may use.")
@interface DiskTierConfiguration {

    String PID = "org.arxos.cache.ehcache.disk";

    @AttributeDefinition(name = "Directory",
            description = "Where the partitions are kept; a relative path is relative to the server's working"
                    + " directory. Ehcache locks it: two servers cannot share one.")
    String directory() default "data/cache";

    @AttributeDefinition(name = "Megabytes per tenant", min = "1",
            description = "How much a tenant's partition keeps on disk before it evicts, unless tenantQuotas says"
                    + " otherwise. The largest value a partition keeps is 1/32 of this (Ehcache stores an entry"
                    + " within one of 16 segments).")
    int tenantMegabytes() default 256;

    @AttributeDefinition(name = "Tenant quotas", required = false,
            description = "Megabytes for particular tenants, as tenant=megabytes, e.g. acme=2048.")
    String[] tenantQuotas() default {};

    @AttributeDefinition(name = "Tenants", min = "1",
            description = "How many tenants get a partition; entries of further tenants are not kept in this tier.")
    int maxTenants() default 100;
}
