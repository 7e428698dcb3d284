package org.arxos.servertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON reading and the assertions every test shares. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM_JSON = "application/problem+json";

    /** A Java class name such as {@code org.arxos.model.ChangeRejectedException} or {@code java.io.IOException}. */
    private static final Pattern QUALIFIED_CLASS = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|org|com|io|net)\\.(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

    private Api() {
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError(describe(response) + " is not JSON: " + e.getOriginalMessage());
        }
    }

    static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    static String describe(HttpResponse<String> response) {
        String body = response.body();
        return response.request().method() + " " + response.request().uri().getPath() + " -> "
                + response.statusCode() + " " + contentType(response) + " "
                + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
    }

    static void assertStatus(int expected, HttpResponse<String> response) {
        assertEquals(expected, response.statusCode(), () -> "unexpected status: " + describe(response));
    }

    /**
     * The response is an RFC 9457 problem with this status: {@code application/problem+json}, type, title, status
     * and detail, and no stack trace or Java class name anywhere in the body.
     */
    static JsonNode assertProblem(int status, HttpResponse<String> response) {
        assertStatus(status, response);
        assertTrue(contentType(response).startsWith(PROBLEM_JSON),
                () -> "content type is not " + PROBLEM_JSON + ": " + describe(response));
        assertNoInternals(response);
        JsonNode problem = json(response);
        assertEquals(status, problem.path("status").asInt(), () -> "status member: " + describe(response));
        assertTrue(problem.path("type").isTextual() && !problem.path("type").asText().isBlank(),
                () -> "no type: " + describe(response));
        assertTrue(problem.path("title").isTextual(), () -> "no title: " + describe(response));
        assertTrue(problem.path("detail").isTextual() && !problem.path("detail").asText().isBlank(),
                () -> "no detail: " + describe(response));
        return problem;
    }

    /** No stack trace, exception class or package-qualified Java class name in the body. */
    static void assertNoInternals(HttpResponse<String> response) {
        String body = response.body();
        assertFalse(body.contains("\tat ") || body.contains("\\tat "), () -> "stack trace in " + describe(response));
        assertFalse(STACK_FRAME.matcher(body).find(), () -> "stack frame in " + describe(response));
        assertFalse(body.contains("Exception"), () -> "exception name in " + describe(response));
        assertFalse(QUALIFIED_CLASS.matcher(body).find(), () -> "Java class name in " + describe(response));
    }

    /** The entry of {@code GET /api/implementations} for one capability. */
    static JsonNode capability(JsonNode implementations, String capability) {
        for (JsonNode c : implementations) {
            if (capability.equals(c.path("capability").asText())) {
                return c;
            }
        }
        return fail("no capability '" + capability + "' in " + implementations);
    }

    static boolean lists(JsonNode capability, String implementation) {
        for (JsonNode i : capability.path("implementations")) {
            if (implementation.equals(i.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
