package org.arxos.api.selection;

/**
 * One registered implementation of a capability.
 *
 * @param name      its {@code arxos.impl} name
 * @param ranking   its {@code service.ranking}
 * @param bundle    the symbolic name of the bundle that provides it
 * @param serviceId its service id
 */
public record Implementation(String name, int ranking, String bundle, long serviceId) {
}
