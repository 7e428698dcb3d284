package org.arxos.api.grouping;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/** A tree of groups over one revision, read lazily: a client loads the children of the nodes it opens. */
@ConsumerType
public interface Hierarchy {

    /** The revision this hierarchy was made from. */
    long revision();

    GroupNode root();

    Optional<GroupNode> node(String nodeId);

    /** A page of a node's children, in the strategy's stable order; empty for an unknown node. */
    List<GroupNode> children(String nodeId, int offset, int limit);
}
