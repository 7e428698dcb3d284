package org.arxos.core.internal;

import java.io.IOException;
import java.io.InterruptedIOException;

import org.arxos.api.io.ImportException;
import org.arxos.api.repository.RepositoryException;
import org.arxos.api.selection.NoImplementationException;
import org.arxos.model.ChangeRejectedException;

/** One line saying why an import failed, for a job document, the log and the shell; never a stack trace. */
final class ImportFailures {

    private static final int MAX_LENGTH = 2000;

    private ImportFailures() {
    }

    /** The words for an expected failure, or {@code null} for a bug (which deserves a stack trace in the log). */
    static String describe(String source, Throwable failure) {
        String text;
        if (failure instanceof ImportException e) {
            text = e.getMessage();
        } else if (failure instanceof ChangeRejectedException e) {
            text = source + ": the building breaks " + e.violations().size() + " model rule(s): " + e.getMessage();
        } else if (failure instanceof RepositoryException || failure instanceof NoImplementationException) {
            text = failure.getMessage();
        } else if (failure instanceof InterruptedIOException) {
            text = source + ": the import was stopped (the import service is shutting down)";
        } else if (failure instanceof IOException e) {
            text = source + ": could not be read: " + e.getMessage();
        } else {
            return null;
        }
        text = text == null ? source + ": failed" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + " ..." : text;
    }
}
