package org.arxos.io.ifc.internal.step;

import java.nio.charset.StandardCharsets;

/** Canonical, interned strings for type and enumeration names read as bytes: no String is made for a known name. */
final class NameTable {

    private String[] table = new String[1024];
    private int count;

    String canonical(byte[] bytes, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + bytes[i];
        }
        int mask = table.length - 1;
        int i = (h ^ (h >>> 16)) & mask;
        while (true) {
            String s = table[i];
            if (s == null) {
                String name = new String(bytes, 0, length, StandardCharsets.ISO_8859_1).intern();
                table[i] = name;
                if (++count * 2 > table.length) {
                    grow();
                }
                return name;
            }
            if (matches(s, bytes, length)) {
                return s;
            }
            i = (i + 1) & mask;
        }
    }

    private static boolean matches(String s, byte[] bytes, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != (char) (bytes[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        int mask = table.length - 1;
        for (String s : old) {
            if (s != null) {
                int h = 0;
                for (int k = 0; k < s.length(); k++) {
                    h = 31 * h + (byte) s.charAt(k);
                }
                int i = (h ^ (h >>> 16)) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = s;
            }
        }
    }
}
