package org.arxos.compress.svg.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids a document refers to: {@code href="#id"} (with or without xlink) and {@code url(#id)} anywhere in an
 * attribute. Content with such an id may be drawn elsewhere, through a {@code use}, a {@code textPath} or a paint
 * server, in another coordinate system and with another element's inherited properties.
 */
final class ReferencedIds {

    private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?#([^)'\"\\s]+)");

    private ReferencedIds() {
    }

    static Set<String> of(XmlElement root) {
        Set<String> out = new HashSet<>();
        collect(root, out);
        return out;
    }

    private static void collect(XmlElement e, Set<String> out) {
        for (XmlAttribute a : e.attributes) {
            String v = a.value();
            if (a.localName().equals("href") && v.startsWith("#")) {
                out.add(v.substring(1).trim());
            } else if (v.contains("url(")) {
                Matcher m = URL.matcher(v);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        for (XmlNode n : e.children) {
            if (n instanceof XmlElement c) {
                collect(c, out);
            }
        }
    }
}
