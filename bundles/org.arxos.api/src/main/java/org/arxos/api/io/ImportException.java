package org.arxos.api.io;

/** Input that cannot be imported: says which source, line and field, and what is wrong. */
public class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String field;

    /**
     * @param line  the 1-based line, or 0 when unknown
     * @param field the field or entity at fault, or {@code null}
     */
    public ImportException(String source, long line, String field, String problem) {
        super(source + (line > 0 ? ":" + line : "") + (field != null ? " (" + field + ")" : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }
}
