package org.arxos.cache.ehcache.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = HeapTierConfiguration.PID, name = "Arxos cache L1: Ehcache heap",
        description = "The memory tier on Ehcache's heap store: one partition per tenant, bounded by a memory budget."
                + " Ehcache bounds a heap store in entries, so each partition's entry limit follows the budget"
                + " divided by what its entries take on average, measured as they are stored.")
@interface HeapTierConfiguration {

    String PID = "org.arxos.cache.ehcache.heap";

    @AttributeDefinition(name = "Megabytes per tenant", min = "0",
            description = "The memory a tenant's partition may hold (values and their overhead), unless tenantQuotas"
                    + " says otherwise; 0 is a tenth of the JVM's maximum heap (at least 16). A server with several"
                    + " busy tenants sets it so that their sum fits the heap.")
    int tenantMegabytes() default 0;

    @AttributeDefinition(name = "Tenant quotas", required = false,
            description = "Megabytes for particular tenants, as tenant=megabytes, e.g. acme=512.")
    String[] tenantQuotas() default {};

    @AttributeDefinition(name = "Entries per tenant at most", min = "0",
            description = "A limit on entries besides the memory budget, e.g. to keep a partition small in a test;"
                    + " 0 is none.")
    int tenantEntries() default 0;

    @AttributeDefinition(name = "Largest value (KiB)", min = "1",
            description = "Values larger than this are not kept in memory (the lower tiers still keep them). A"
                    + " calculation's result can take hundreds of KiB and costs far more to read from a lower tier"
                    + " (and deserialize) than to hand out from memory.")
    int maxValueKilobytes() default 4096;

    @AttributeDefinition(name = "Tenants", min = "1",
            description = "How many tenants get a partition; entries of further tenants are not kept in this tier.")
    int maxTenants() default 100;
}
