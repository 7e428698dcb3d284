package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Codes names from a growing table (element names, attribute names): the index of a known name through a bit tree
 * chosen by the context, or an escape followed by the new name's text. The first names are fixed markers (end of a
 * list, a text node, ...) that never appear as XML names.
 */
final class SymbolModel {

    private static final int BITS = 8;
    private static final int WIDE = (1 << BITS) - 1;

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final LongMap<int[]> contexts = new LongMap<>();
    private final StringModel strings;
    private final int stringKind;
    private final int maxSymbols;

    SymbolModel(StringModel strings, int stringKind, int maxSymbols, String... markers) {
        this.strings = strings;
        this.stringKind = stringKind;
        this.maxSymbols = maxSymbols;
        for (String m : markers) {
            add(m);
        }
    }

    private int add(String name) {
        index.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    int symbol(String name) {
        return index.get(name);
    }

    String name(int symbol) {
        return names.get(symbol);
    }

    /** Encodes the name's symbol, or with {@code null} decodes one; returns the symbol. */
    int code(BitCoder coder, long context, String name) {
        int[] slots = contexts.get(context, () -> BitCoder.slots(1 << BITS));
        Integer known = name == null ? null : index.get(name);
        // 0: a new name; 1..254: symbol - 1; 255: a wide symbol in 20 even bits.
        int code = name == null ? 0 : known == null ? 0 : Math.min(known + 1, WIDE);
        code = coder.tree(slots, 0, BITS, code);
        if (code == WIDE) {
            long wide = coder.evenBits(20, name == null ? 0 : known + 1 - WIDE);
            int symbol = (int) wide + WIDE - 1;
            if (symbol >= names.size()) {
                throw new CorruptStream("an unknown name symbol " + symbol);
            }
            return symbol;
        }
        if (code > 0) {
            if (code - 1 >= names.size()) {
                throw new CorruptStream("an unknown name symbol " + (code - 1));
            }
            return code - 1;
        }
        String text = strings.code(coder, stringKind, name);
        if (names.size() >= maxSymbols) {
            throw new CorruptStream("more than " + maxSymbols + " distinct names");
        }
        Integer existing = index.get(text);
        return existing != null ? existing : add(text);
    }

    static long context(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }
}
