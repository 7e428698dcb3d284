package org.arxos.cache.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The tiered cache. Durations are ISO-8601 ({@code PT1H}, {@code PT0.25S}); levels are those of the tiers, 1 fastest. */
@ObjectClassDefinition(id = CacheConfiguration.PID, name = "Arxos tiered cache",
        description = "Read-through cache over the registered tiers (L1 memory, L2 Redis, L3 disk, L4 database): time "
                + "to live, how each level is written and called, compression of large values, bypass of failing "
                + "tiers.")
public @interface CacheConfiguration {

    String PID = "org.arxos.cache";

    @AttributeDefinition(name = "Default time to live",
            description = "How long an entry is kept when neither the call nor its operation names a time to live.")
    String default_ttl() default "PT1H";

    @AttributeDefinition(name = "Time to live per operation", required = false,
            description = "operation=duration, e.g. render.tile=PT24H or calc.takeoff=PT10M.")
    String[] operation_ttls() default {};

    @AttributeDefinition(name = "Tier per level", required = false,
            description = "level=arxos.impl name of the tier that serves the level, e.g. 1=caffeine; a level not "
                    + "named here (or whose named tier is not registered) is served by its highest-ranked tier.")
    String[] tiers() default {};

    @AttributeDefinition(name = "Write mode per level",
            description = "level=through (stored before the request returns) or level=behind (queued and stored "
                    + "by a writer thread of the tier); levels not named here write through, and so do memory tiers "
                    + "that keep decoded values.")
    String[] write_modes() default {"4=behind"};

    @AttributeDefinition(name = "Write-behind queue", min = "1",
            description = "Writes waiting for one write-behind tier at most; further writes are dropped (the entry "
                    + "is then only in the other tiers), never waited for.")
    int write_behind_queue() default 10_000;

    @AttributeDefinition(name = "Write-behind batch", min = "1",
            description = "Writes a write-behind tier is given at once at most; a tier that takes batches (the "
                    + "JDBC tier) stores them in one transaction, others one by one.")
    int write_behind_batch() default 256;

    @AttributeDefinition(name = "Write-behind linger",
            description = "How long the writer waits for a batch to fill before it writes what it has.")
    String write_behind_linger() default "PT0.05S";

    @AttributeDefinition(name = "Tier call time limit per level",
            description = "level=duration: how long one call of the level's tier may take before it counts as "
                    + "failed; PT0S calls the tier on the request's thread without a limit (for heap tiers). Levels "
                    + "not named here get PT1S.")
    String[] tier_timeouts() default {"1=PT0S", "2=PT0.25S", "3=PT0.5S", "4=PT1S"};

    @AttributeDefinition(name = "Invalidation time limit",
            description = "How long one tier may take to remove the entries of a pattern; a tier that fails or "
                    + "takes longer is bypassed until it has done so.")
    String invalidation_timeout() default "PT30S";

    @AttributeDefinition(name = "Compression threshold (bytes)", min = "0",
            description = "Values whose encoded form is larger are compressed by a Compressor service supporting "
                    + "application/octet-stream, when one is running.")
    int compression_threshold() default 8192;

    @AttributeDefinition(name = "Largest value (bytes)", min = "1",
            description = "Values whose encoded form is larger are returned but not stored.")
    int max_value_size() default 16 * 1024 * 1024;

    @AttributeDefinition(name = "First retry after an outage",
            description = "How long a failing tier is bypassed before it is tried again; each failed retry doubles "
                    + "the wait up to the longest.")
    String outage_backoff_min() default "PT1S";

    @AttributeDefinition(name = "Longest wait between retries")
    String outage_backoff_max() default "PT5M";

    @AttributeDefinition(name = "Admission by cost",
            description = "A computed value is stored in the fastest level, and in a slower level only when its "
                    + "operation takes longer to compute (over its latest computations) than that level's mean get: "
                    + "what is cheaper to compute than to fetch is neither stored nor looked for there.")
    boolean admission_by_cost() default true;
}
