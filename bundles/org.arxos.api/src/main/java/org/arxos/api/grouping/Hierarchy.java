package org.arxos.api.grouping;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tree of groups over one revision, read lazily: a client loads the children of the nodes it opens.
 *
 * <p>Every object of the revision appears exactly once, as the node whose id is the object's id (a leaf, or a group
 * that stands for the object, such as a floor). Groups that stand for no object have ids that contain a {@code /},
 * which no object id can, so the two never clash. Safe to read from many threads.
 */
@ConsumerType
public interface Hierarchy {

    /** The revision this hierarchy was made from. */
    long revision();

    GroupNode root();

    Optional<GroupNode> node(String nodeId);

    /** The node's parent; empty for the root and for an unknown node. */
    Optional<GroupNode> parent(String nodeId);

    /** A page of a node's children, in the strategy's stable order; empty for an unknown node. */
    List<GroupNode> children(String nodeId, int offset, int limit);
}
