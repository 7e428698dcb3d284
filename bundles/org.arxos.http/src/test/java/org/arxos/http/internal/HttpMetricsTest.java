package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HttpMetricsTest {

    private static String scrape(HttpMetrics metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theContentTypeIsTextFormat004() {
        assertEquals("text/plain; version=0.0.4; charset=utf-8", HttpMetrics.CONTENT_TYPE);
    }

    @Test
    void countsAndTimesRequestsByMethodRouteAndStatus() throws IOException {
        HttpMetrics metrics = new HttpMetrics();
        metrics.record("GET", "/api/buildings", 200, 3_000_000);
        metrics.record("GET", "/api/buildings", 200, 7_000_000);
        metrics.record("POST", "/api/buildings", 415, 1_000_000);
        String text = scrape(metrics);
        assertTrue(text.contains("# TYPE arxos_http_requests_total counter"), text);
        assertTrue(text.contains("arxos_http_requests_total{method=\"GET\",route=\"/api/buildings\",status=\"200\"} 2.0"),
                text);
        assertTrue(text.contains("arxos_http_requests_total{method=\"POST\",route=\"/api/buildings\",status=\"415\"} 1.0"),
                text);
        assertTrue(text.contains("# TYPE arxos_http_request_duration_seconds histogram"), text);
        assertTrue(text.contains("arxos_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/buildings\","
                + "status=\"200\",le=\"0.005\"} 1"), text);
        assertTrue(text.contains("arxos_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/buildings\","
                + "status=\"200\",le=\"+Inf\"} 2"), text);
        assertTrue(text.contains("arxos_http_request_duration_seconds_count{method=\"GET\",route=\"/api/buildings\","
                + "status=\"200\"} 2"), text);
        assertTrue(text.contains("arxos_http_request_duration_seconds_sum{method=\"GET\",route=\"/api/buildings\","
                + "status=\"200\"} 0.01"), text);
    }

    @Test
    void exposesHeapAndUptime() throws IOException {
        String text = scrape(new HttpMetrics());
        assertTrue(Pattern.compile("(?m)^jvm_memory_heap_used_bytes [0-9.E]+$").matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^jvm_memory_heap_committed_bytes [0-9.E]+$").matcher(text).find(), text);
        assertTrue(text.contains("# TYPE jvm_memory_heap_max_bytes gauge"), text);
        assertTrue(Pattern.compile("(?m)^process_uptime_seconds [0-9.E]+$").matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^process_start_time_seconds [0-9.E]+$").matcher(text).find(), text);
    }
}
