package org.arxos.grouping.system.internal;

/**
 * Where an object goes in the hierarchy.
 *
 * @param parent the group it goes into
 * @param group  whether it becomes a group standing for itself rather than a leaf
 */
record Placement(GroupRef parent, boolean group) {
}
