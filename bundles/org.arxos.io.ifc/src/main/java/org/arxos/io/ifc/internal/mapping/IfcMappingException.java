package org.arxos.io.ifc.internal.mapping;

/**
 * Input that parses as STEP but cannot be mapped: a reference to a missing entity, a placement cycle, a coordinate
 * that is not a number. Names the entity and the line where it starts.
 */
public final class IfcMappingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final String field;
    private final String problem;

    /**
     * @param line  1-based line of the entity at fault, 0 when unknown
     * @param field the entity at fault, e.g. {@code "#12 IFCLOCALPLACEMENT"}, or {@code null}
     */
    public IfcMappingException(long line, String field, String problem) {
        super((field == null ? "" : field + ": ") + problem);
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
