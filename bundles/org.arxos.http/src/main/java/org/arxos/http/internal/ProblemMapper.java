package org.arxos.http.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.JobFailedException;
import org.arxos.api.compute.JobQueueFullException;
import org.arxos.api.compute.JobStatus;
import org.arxos.api.compute.UnknownCalculationException;
import org.arxos.api.grouping.UnknownStrategyException;
import org.arxos.api.io.ExportFormatException;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.UnsupportedFormatException;
import org.arxos.api.repository.BuildingExistsException;
import org.arxos.api.repository.ConcurrentChangeException;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.api.selection.NoImplementationException;
import org.arxos.model.ChangeRejectedException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** Turns whatever stopped a request into the problem the client sees; never a stack trace. */
final class ProblemMapper {

    private static final String MALFORMED_JSON = "malformed JSON: ";
    /** The native JSON reader ends its messages with the column. */
    private static final Pattern TRAILING_COLUMN = Pattern.compile(" \\(column (\\d+)\\)$");
    /** Jackson's pointer back into its source, which says nothing the line and column do not. */
    private static final Pattern JACKSON_SOURCE = Pattern.compile(" \\(for [^()]*\\[Source: [^\\]]*\\]\\)");

    /** Receives the error id and the failure of every 500, for the server log. */
    private final BiConsumer<String, Throwable> internalErrorLog;

    ProblemMapper(BiConsumer<String, Throwable> internalErrorLog) {
        this.internalErrorLog = internalErrorLog;
    }

    ApiResponse.ProblemResponse map(Throwable failure, String instance) {
        if (failure instanceof ProblemException p) {
            return new ApiResponse.ProblemResponse(new Problem(p.type(), p.getMessage(), instance, p.extensions()),
                    p.headers());
        }
        BodyTooLargeException tooLarge = causeOfType(failure, BodyTooLargeException.class);
        if (tooLarge != null) {
            return problem(ProblemType.BODY_TOO_LARGE, tooLarge.getMessage(), instance,
                    Map.of("limit", tooLarge.limit()));
        }
        CompressionLimitException bomb = causeOfType(failure, CompressionLimitException.class);
        if (bomb != null) {
            return problem(ProblemType.DECOMPRESSION_LIMIT, bomb.getMessage(), instance,
                    Map.of("limit", bomb.limit()));
        }
        CorruptDataException corrupt = causeOfType(failure, CorruptDataException.class);
        if (corrupt != null) {
            return problem(ProblemType.CORRUPT_DATA, corrupt.getMessage(), instance, Map.of());
        }
        if (failure instanceof ChangeRejectedException rejected) {
            return problem(ProblemType.CHANGE_REJECTED,
                    "the change set breaks " + rejected.violations().size() + " model rule(s): "
                            + first(rejected.violations().stream().map(Object::toString).toList()),
                    instance, Map.of("violations", rejected.violations()));
        }
        if (failure instanceof ConcurrentChangeException concurrent) {
            return problem(ProblemType.CONCURRENT_CHANGE, concurrent.getMessage(), instance,
                    Map.of("headRevision", concurrent.head()));
        }
        if (failure instanceof BuildingExistsException exists) {
            return problem(ProblemType.BUILDING_EXISTS, exists.getMessage(), instance, Map.of());
        }
        if (failure instanceof UnknownBuildingException unknown) {
            return problem(ProblemType.NOT_FOUND, unknown.getMessage(), instance, Map.of());
        }
        if (failure instanceof UnknownStrategyException unknownStrategy) {
            return problem(ProblemType.NOT_FOUND, unknownStrategy.getMessage(), instance,
                    Map.of("strategies", unknownStrategy.running()));
        }
        if (failure instanceof UnknownCalculationException unknownCalculation) {
            return problem(ProblemType.NOT_FOUND, unknownCalculation.getMessage(), instance,
                    Map.of("calculations", unknownCalculation.available()));
        }
        if (failure instanceof JobQueueFullException full) {
            return problem(ProblemType.SERVICE_UNAVAILABLE, full.getMessage(), instance, Map.of("limit", full.limit()));
        }
        if (failure instanceof JobFailedException failed) {
            ProblemType type = failed.job().state() == JobStatus.State.CANCELLED ? ProblemType.JOB_CANCELLED
                    : failed.getCause() instanceof IllegalArgumentException ? ProblemType.BAD_REQUEST
                            : ProblemType.JOB_FAILED;
            return problem(type, failed.getMessage(), instance, Map.of("job", failed.job()));
        }
        if (failure instanceof ComputeException failed) {
            return problem(ProblemType.JOB_FAILED, failed.getMessage(), instance, Map.of());
        }
        if (failure instanceof NoImplementationException missing) {
            return problem(ProblemType.SERVICE_UNAVAILABLE, missing.getMessage(), instance, Map.of());
        }
        if (failure instanceof UnsupportedFormatException unsupported) {
            return problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, unsupported.problem(), instance,
                    Map.of("acceptedMediaTypes", List.copyOf(unsupported.acceptedMediaTypes()),
                            "acceptedExtensions", List.copyOf(unsupported.acceptedExtensions())));
        }
        if (failure instanceof ExportFormatException unavailable) {
            return problem(ProblemType.NOT_ACCEPTABLE, unavailable.getMessage(), instance,
                    Map.of("availableFormats", unavailable.availableExtensions(),
                            "availableMediaTypes", unavailable.availableMediaTypes()));
        }
        if (failure instanceof ImportException invalid) {
            return importProblem(invalid, instance);
        }
        if (failure instanceof JsonProcessingException json) {
            return jsonProblem(json, instance);
        }
        String errorId = UUID.randomUUID().toString();
        internalErrorLog.accept(errorId, failure);
        return problem(ProblemType.INTERNAL_ERROR, "internal error, see the server log with id " + errorId, instance,
                Map.of("errorId", errorId));
    }

    private static ApiResponse.ProblemResponse importProblem(ImportException invalid, String instance) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("source", invalid.source());
        if (invalid.line() > 0) {
            members.put("line", invalid.line());
        }
        String problem = importProblemText(invalid);
        Matcher column = TRAILING_COLUMN.matcher(problem);
        String where = invalid.line() > 0 ? " at line " + invalid.line() : "";
        if (column.find()) {
            problem = problem.substring(0, column.start());
            members.put("column", Long.parseLong(column.group(1)));
            where += (where.isEmpty() ? " at" : "") + " column " + column.group(1);
        }
        if (invalid.field() != null && !invalid.field().isEmpty()) {
            members.put("field", invalid.field());
            where += " in field '" + invalid.field() + "'";
        }
        ProblemType type = ProblemType.INVALID_DOCUMENT;
        String kind = "invalid document";
        if (problem.startsWith(MALFORMED_JSON)) {
            type = ProblemType.MALFORMED_JSON;
            kind = "malformed JSON";
            problem = JACKSON_SOURCE.matcher(problem.substring(MALFORMED_JSON.length())).replaceAll("");
        }
        String source = BuildingEndpoints.BODY_SOURCE.equals(invalid.source()) ? "" : invalid.source() + ": ";
        return problem(type, source + kind + where + ": " + problem.strip(), instance, members);
    }

    /** The importer's own words: the message without the "source:line (field): " prefix ImportException adds. */
    private static String importProblemText(ImportException invalid) {
        String prefix = invalid.source() + (invalid.line() > 0 ? ":" + invalid.line() : "")
                + (invalid.field() != null ? " (" + invalid.field() + ")" : "") + ": ";
        String message = invalid.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static ApiResponse.ProblemResponse jsonProblem(JsonProcessingException json, String instance) {
        JsonLocation location = json.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + " column " + location.getColumnNr();
        Map<String, Object> members = new LinkedHashMap<>();
        if (!where.isEmpty()) {
            members.put("line", location.getLineNr());
            members.put("column", location.getColumnNr());
        }
        if (json instanceof StreamReadException) {
            return problem(ProblemType.MALFORMED_JSON, "malformed JSON" + where + ": " + firstLine(json.getOriginalMessage()),
                    instance, members);
        }
        String field = json instanceof JsonMappingException mapping ? fieldPath(mapping.getPath()) : "";
        if (!field.isEmpty()) {
            members.put("field", field);
        }
        String problem;
        if (json instanceof UnrecognizedPropertyException unknown) {
            problem = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (json instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            problem = instantiation.getCause().getMessage();
        } else {
            problem = firstLine(json.getOriginalMessage());
        }
        return problem(ProblemType.INVALID_DOCUMENT,
                "invalid JSON document" + where + (field.isEmpty() ? "" : " in field '" + field + "'") + ": " + problem,
                instance, members);
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static ApiResponse.ProblemResponse problem(ProblemType type, String detail, String instance,
            Map<String, Object> members) {
        return new ApiResponse.ProblemResponse(new Problem(type, detail, instance, members), Map.of());
    }

    private static String first(List<String> items) {
        return items.isEmpty() ? "" : items.get(0) + (items.size() > 1 ? "; ..." : "");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline).strip() : message.strip();
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
