package org.arxos.cache.redis.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = RedisTierConfiguration.PID, name = "Arxos Redis cache tier",
        description = "The second cache level: entries in a Redis server, shared by every Arxos server using it.")
public @interface RedisTierConfiguration {

    String PID = "org.arxos.cache.redis";

    String host() default "127.0.0.1";

    @AttributeDefinition(min = "1", max = "65535")
    int port() default 6379;

    /** Configured as {@code .password}: a leading dot keeps it out of the service's properties. */
    @AttributeDefinition(type = AttributeType.PASSWORD, required = false,
            description = "The AUTH password; empty when the server asks for none.")
    String _password() default "";

    @AttributeDefinition(min = "0", description = "The logical database (SELECT).")
    int database() default 0;

    @AttributeDefinition(description = "Starts every key this tier writes, so several installations can share one "
            + "server; invalidation never touches keys outside it.")
    String keyPrefix() default "arxos:cache:";

    @AttributeDefinition(min = "1", description = "How long to wait for a connection. When Redis is down, a call "
            + "fails after at most this (a refused connection fails at once) and the cache bypasses the tier.")
    int connectTimeoutMillis() default 250;

    @AttributeDefinition(min = "1", description = "How long to wait for a command's answer, and for a free "
            + "connection when all are busy.")
    int commandTimeoutMillis() default 500;

    @AttributeDefinition(min = "1", description = "The most connections open at once.")
    int maxConnections() default 16;

    @AttributeDefinition(min = "1", description = "The most value bytes one tenant may keep in Redis; storing past "
            + "it removes that tenant's entries closest to expiry first.")
    long tenantQuotaBytes() default 256L * 1024 * 1024;

    @AttributeDefinition(required = false, description = "Quotas of single tenants as tenant=bytes, e.g. "
            + "acme=1073741824; the tenant as it appears in cache keys.")
    String[] tenantQuotas() default {};

    @AttributeDefinition(min = "1", description = "How often the byte counts of expired entries are given back to "
            + "their tenants' quotas (storing also does it for the tenant it stores for).")
    int purgeIntervalSeconds() default 60;

    @AttributeDefinition(min = "1", description = "How often the entries and bytes that the statistics show are "
            + "counted in the background; they are at most this old. A statistics request never waits for Redis.")
    int sizesIntervalSeconds() default 15;
}
