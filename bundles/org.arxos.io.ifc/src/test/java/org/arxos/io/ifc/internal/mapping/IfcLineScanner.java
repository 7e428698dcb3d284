package org.arxos.io.ifc.internal.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent, line-based reading of an IFC file for checking the importer: counts {@code #N=IFCTYPE(} lines and
 * follows IfcRelAggregates / IfcRelContainedInSpatialStructure to the storey of each space. Shares no code with the
 * STEP reader or the mapping.
 */
final class IfcLineScanner {

    private static final Pattern ENTITY = Pattern.compile("^#(\\d+)\\s*=\\s*([A-Z0-9_]+)\\s*\\((.*)$");
    private static final Pattern REF = Pattern.compile("#(\\d+)");
    private static final Pattern LIST = Pattern.compile("\\(\\s*(#\\d+(?:\\s*,\\s*#\\d+)*)\\s*\\)");
    private static final Pattern FIRST_STRING = Pattern.compile("^\\s*'([^']*)'");

    final Map<String, Integer> counts = new HashMap<>();
    final Map<Long, String> types = new HashMap<>();
    final Map<Long, String> globalIds = new HashMap<>();
    final Map<Long, Long> up = new HashMap<>();

    IfcLineScanner(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            Matcher m = ENTITY.matcher(line);
            if (!m.find()) {
                continue;
            }
            long id = Long.parseLong(m.group(1));
            String type = m.group(2);
            String args = m.group(3);
            counts.merge(type, 1, Integer::sum);
            types.put(id, type);
            Matcher g = FIRST_STRING.matcher(args);
            if (g.find()) {
                globalIds.put(id, g.group(1));
            }
            if (type.equals("IFCRELAGGREGATES") || type.equals("IFCRELCONTAINEDINSPATIALSTRUCTURE")) {
                String plain = args.replaceAll("'(?:[^']|'')*'", "''");
                Matcher list = LIST.matcher(plain);
                if (!list.find()) {
                    continue;
                }
                List<Long> members = refs(list.group(1));
                Long relating = null;
                if (type.equals("IFCRELAGGREGATES")) {
                    List<Long> before = refs(plain.substring(0, list.start()));
                    relating = before.get(before.size() - 1);
                } else {
                    List<Long> after = refs(plain.substring(list.end()));
                    relating = after.get(0);
                }
                for (long member : members) {
                    up.putIfAbsent(member, relating);
                }
            }
        }
    }

    int count(String... typeNames) {
        int n = 0;
        for (String t : typeNames) {
            n += counts.getOrDefault(t, 0);
        }
        return n;
    }

    /** The GlobalId of the storey above an entity, or null. */
    String storeyOf(long id) {
        Long current = up.get(id);
        for (int i = 0; i < 50 && current != null; i++) {
            if ("IFCBUILDINGSTOREY".equals(types.get(current))) {
                return globalIds.get(current);
            }
            current = up.get(current);
        }
        return null;
    }

    List<Long> ofType(String type) {
        List<Long> ids = new ArrayList<>();
        types.forEach((id, t) -> {
            if (t.equals(type)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static List<Long> refs(String s) {
        List<Long> ids = new ArrayList<>();
        Matcher r = REF.matcher(s);
        while (r.find()) {
            ids.add(Long.parseLong(r.group(1)));
        }
        return ids;
    }
}
