package org.arxos.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A table printed with aligned columns: the first left-aligned (names), the others right-aligned (numbers). */
final class TextTable {

    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    /** Adds a row; doubles are printed with {@link #number}'s rules, anything else as it prints itself. */
    void add(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("table '" + title + "' has " + headers.size() + " columns, the row "
                    + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell instanceof Double d ? number(d) : String.valueOf(cell));
        }
        rows.add(row);
    }

    void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        out.println();
        out.println(title);
        line(out, headers, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.println(rule);
        rows.forEach(row -> line(out, row, widths));
    }

    private static void line(PrintStream out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(c == 0 ? cell + pad : pad + cell);
        }
        out.println(line.toString().stripTrailing());
    }

    /** Three significant digits for small values, whole numbers from 100 up, NaN as "n/a". */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 || value == 0 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f"
                : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }
}
