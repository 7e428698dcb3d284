package org.arxos.compress.delta.internal;

import java.util.Objects;

import org.arxos.model.BuildingObject;

/** What an added object has of its template, so that it need not be written; 0 when it has no template. */
final class AddFlags {

    static final int TEMPLATE = 1;
    static final int SAME_KIND = 2;
    static final int SAME_PARENT = 4;
    static final int SAME_NAME = 8;
    static final int SAME_ELEVATION = 16;
    static final int SAME_PROPERTIES = 32;
    static final int ALL = 63;

    private AddFlags() {
    }

    static int of(BuildingObject added, BuildingObject template) {
        if (template == null) {
            return 0;
        }
        return TEMPLATE
                | (template.kind().equals(added.kind()) ? SAME_KIND : 0)
                | (Objects.equals(template.parentId(), added.parentId()) ? SAME_PARENT : 0)
                | (Objects.equals(template.name(), added.name()) ? SAME_NAME : 0)
                | (Objects.equals(template.elevation(), added.elevation()) ? SAME_ELEVATION : 0)
                | (template.properties().equals(added.properties()) ? SAME_PROPERTIES : 0);
    }

    static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}
