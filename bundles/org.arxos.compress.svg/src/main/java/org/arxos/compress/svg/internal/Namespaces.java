package org.arxos.compress.svg.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Drops namespace declarations that no element or attribute uses, and those repeating a binding in scope. */
final class Namespaces {

    private Namespaces() {
    }

    static void dropUnused(XmlElement root) {
        Set<String> used = new HashSet<>();
        used.add("");
        collectPrefixes(root, used);
        drop(root, used, new HashMap<>());
    }

    private static void collectPrefixes(XmlElement e, Set<String> used) {
        if (e.name.indexOf(':') > 0) {
            used.add(e.prefix());
        }
        for (XmlAttribute a : e.attributes) {
            if (a.name().indexOf(':') > 0 && !a.isNamespaceDeclaration()) {
                used.add(a.prefix());
            }
        }
        for (XmlNode n : e.children) {
            if (n instanceof XmlElement c) {
                collectPrefixes(c, used);
            }
        }
    }

    private static void drop(XmlElement e, Set<String> used, Map<String, String> inScope) {
        Map<String, String> scope = inScope;
        for (var it = e.attributes.iterator(); it.hasNext();) {
            XmlAttribute a = it.next();
            if (!a.isNamespaceDeclaration()) {
                continue;
            }
            String prefix = a.declaredPrefix();
            if (!used.contains(prefix) || a.value().equals(inScope.get(prefix))) {
                it.remove();
            } else {
                if (scope == inScope) {
                    scope = new HashMap<>(inScope);
                }
                scope.put(prefix, a.value());
            }
        }
        for (XmlNode n : e.children) {
            if (n instanceof XmlElement c) {
                drop(c, used, scope);
            }
        }
    }
}
