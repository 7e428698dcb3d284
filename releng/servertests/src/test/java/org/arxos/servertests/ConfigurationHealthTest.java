package org.arxos.servertests;

import static org.arxos.servertests.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /health} answers UP only once every configuration file in {@code etc/} is a configuration, and names a file
 * that is not (yet) applied.
 */
@ExtendWith(ServerLogsOnFailure.class)
class ConfigurationHealthTest {

    @TempDir
    Path dir;

    ArxosServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthWaitsForTheConfigurationFilesAndNamesOneThatIsNotApplied() throws IOException {
        server = ArxosServer.create(dir).writeConfig("org.arxos.http",
                ArxosServer.config("maxBodyBytes", "65536"));
        server.start();
        server.awaitHealthy(Duration.ofSeconds(30));

        JsonNode configuration = configurationHealth();
        assertEquals("UP", configuration.path("status").asText(), configuration.toString());
        int files = configuration.path("details").path("files").asInt();
        assertTrue(files >= 1, "etc/org.arxos.http.cfg is counted: " + configuration);
        assertEquals(files, configuration.path("details").path("applied").asInt(), configuration.toString());

        // a typed configuration file FileInstall cannot parse never becomes a configuration
        Path broken = server.home().resolve("etc").resolve("org.arxos.broken.config");
        Files.writeString(broken, "limit = I\"12\n");
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        server.await(() -> "configuration DOWN naming the broken file; last seen: " + seen.get(),
                Duration.ofSeconds(10), () -> {
                    seen.set(configurationHealth());
                    return "DOWN".equals(seen.get().path("status").asText())
                            && seen.get().path("message").asText().contains("org.arxos.broken.config");
                });
        assertEquals("DOWN", json(server.get("/health", null)).path("status").asText(),
                "the server is not ready while a configuration file is pending");

        Files.delete(broken);
        server.await(() -> "configuration UP once the file is gone; last seen: " + seen.get(),
                Duration.ofSeconds(10), () -> {
                    seen.set(configurationHealth());
                    return "UP".equals(seen.get().path("status").asText());
                });
    }

    private JsonNode configurationHealth() {
        return json(server.get("/health", null)).path("components").path("configuration");
    }
}
