package org.arxos.io.json.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

/**
 * Compact output, except that each element of the document's top-level arrays (objects, connections, changes) starts a
 * line: a reader's error line then points at one element, and line-based tools (diff, grep) work on big files.
 */
final class OneElementPerLine extends MinimalPrettyPrinter {

    private static final long serialVersionUID = 1L;

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (isTopLevelArray(g.getOutputContext())) {
            g.writeRaw('\n');
        }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(isTopLevelArray(g.getOutputContext()) ? ",\n" : ",");
    }

    private static boolean isTopLevelArray(JsonStreamContext context) {
        JsonStreamContext document = context.getParent();
        return context.inArray() && document != null && document.getParent() != null && document.getParent().inRoot();
    }
}
