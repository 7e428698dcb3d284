package org.arxos.http.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.arxos.api.health.Health;

/** The body of {@code /health}: the worst status of all components, and each component's health by name. */
record HealthReport(Health.Status status, SortedMap<String, Health> components) {

    HealthReport {
        components = new TreeMap<>(components);
    }

    static HealthReport of(Map<String, Health> components) {
        Health.Status status = Health.Status.UP;
        for (Health health : components.values()) {
            status = status.and(health.status());
        }
        return new HealthReport(status, new TreeMap<>(components));
    }

    /** 503 when DOWN, so load balancers take the node out; DEGRADED still serves. */
    int httpStatus() {
        return status == Health.Status.DOWN ? 503 : 200;
    }

    /** The JSON document, with details reduced to what JSON can hold. */
    Map<String, Object> document() {
        Map<String, Object> components = new LinkedHashMap<>();
        this.components.forEach((name, health) -> {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("status", health.status().name());
            component.put("message", health.message());
            component.put("details", jsonValue(health.details()));
            components.put(name, component);
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", status.name());
        document.put("components", components);
        return document;
    }

    /** Contributors may put anything into details; what is not a JSON value goes out as its string. */
    static Object jsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new TreeMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), jsonValue(v)));
            return result;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(HealthReport::jsonValue).toList();
        }
        if (value instanceof Object[] array) {
            return jsonValue(List.of(array));
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }
}
