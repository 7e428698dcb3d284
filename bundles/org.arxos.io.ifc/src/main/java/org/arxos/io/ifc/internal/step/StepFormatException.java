package org.arxos.io.ifc.internal.step;

import java.io.IOException;

/**
 * A file that is not valid IFC-SPF, or asks for more than the {@link StepLimits}. The message reads
 * {@code source:line:column: problem}, leaving out what is unknown; {@link #problem()} is the part after the position.
 */
public class StepFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final long line;
    private final long column;
    private final String problem;

    /**
     * @param sourceName the file name, or {@code null} when unknown (accessors of {@link StepEntity} do not know it)
     * @param line       1-based, or 0 when unknown
     * @param column     1-based byte column, or 0 when unknown
     */
    public StepFormatException(String sourceName, long line, long column, String problem) {
        super(position(sourceName, line, column) + problem);
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String position(String sourceName, long line, long column) {
        StringBuilder b = new StringBuilder();
        if (sourceName != null) {
            b.append(sourceName).append(':');
        }
        if (line > 0) {
            b.append(sourceName == null ? "line " : "").append(line).append(':');
            if (column > 0) {
                b.append(column).append(':');
            }
        }
        return b.length() == 0 ? "" : b.append(' ').toString();
    }

    /** The same problem, naming the source: for errors raised where the source was not known. */
    public StepFormatException withSource(String name) {
        StepFormatException e = new StepFormatException(name, line, column, problem);
        e.initCause(this);
        return e;
    }

    public String sourceName() {
        return sourceName;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
