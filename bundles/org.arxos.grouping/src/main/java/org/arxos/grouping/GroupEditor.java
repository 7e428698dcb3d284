package org.arxos.grouping;

import org.arxos.model.Revision;

/** A {@link GroupTree.Editor}: a draft that starts from a tree and may also take things out of it. */
final class GroupEditor extends GroupDraft implements GroupTree.Editor {

    GroupEditor(GroupTree base, Revision next) {
        super(base, next);
    }
}
