package org.arxos.api.grouping;

/**
 * A hierarchy with the strategy that made it.
 *
 * @param strategy       the strategy's {@code arxos.impl} name
 * @param implementation the service id of the strategy instance, so that callers can tell two strategies of one
 *                       name apart across a swap (entity tags, caches)
 * @param hierarchy      the groups
 */
public record HierarchyView(String strategy, long implementation, Hierarchy hierarchy) {
}
