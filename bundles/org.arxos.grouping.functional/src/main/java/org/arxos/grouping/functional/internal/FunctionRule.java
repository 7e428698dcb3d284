package org.arxos.grouping.functional.internal;

import java.util.List;

import org.arxos.model.ObjectType;

/** One rule: the objects any of the patterns match have this function. */
record FunctionRule(String function, List<ObjectPattern> patterns) {

    boolean matches(ObjectType type, String kind, String systemKind) {
        for (ObjectPattern pattern : patterns) {
            if (pattern.matches(type, kind, systemKind)) {
                return true;
            }
        }
        return false;
    }
}
