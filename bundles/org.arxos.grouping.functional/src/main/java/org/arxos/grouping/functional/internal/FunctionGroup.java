package org.arxos.grouping.functional.internal;

import org.arxos.grouping.GroupTree;

/**
 * A pure group of the functional hierarchy: a function ({@code /lighting}, under the root) or a function on one floor
 * ({@code /lighting/f3}, under the function).
 *
 * @param parent the function group a floor group is in; {@code null} for a function group
 */
record FunctionGroup(String id, String label, String kind, FunctionGroup parent) {

    /** The group's index in the tree, made (with its function group) if it is not there yet. */
    int indexIn(GroupTree.Assembly tree) {
        int index = tree.group(id);
        if (index >= 0) {
            return index;
        }
        return tree.addGroup(parent == null ? tree.root() : parent.indexIn(tree), id, label, kind, null);
    }
}
