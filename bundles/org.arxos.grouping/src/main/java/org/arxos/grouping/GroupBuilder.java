package org.arxos.grouping;

import org.arxos.model.Revision;

/** A {@link GroupTree.Builder}: a draft that starts empty but for the root. */
final class GroupBuilder extends GroupDraft implements GroupTree.Builder {

    GroupBuilder(Revision revision, String layout) {
        super(revision, layout);
    }
}
