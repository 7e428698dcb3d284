package org.arxos.benchmarks.collab;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The load tool's options, {@code --name=value}, separated by spaces or commas.
 *
 * @param editors     clients that each send one operation per second
 * @param seconds     how long they send, measured
 * @param warmup      how long they send before that, unmeasured (the server's and the tool's JIT compilers are
 *                    busy for the first minute or more under this load), but checked like the rest
 * @param idle        sessions held open on other buildings (500 per building), silent
 * @param mirrors     further clients of the edited building that send nothing and apply every effect to the model
 * @param items       objects plus connections of the generated building that is edited
 * @param seed        seeds the building and every editor's edits
 * @param httpClients WebSocket clients of the JDK the sessions are spread over (each has one selector thread)
 * @param server      a running server to use instead of starting the product, or null
 * @param token       the bearer token for {@code server}
 * @param serverPid   the process id of {@code server}'s JVM, to report its CPU, or null
 * @param serverDir   the assembled product to start when no {@code server} is given
 * @param serverHeap  the started server's maximum heap
 */
record LoadOptions(int editors, int seconds, int warmup, int idle, int mirrors, int items, long seed,
        int httpClients, URI server, String token, Long serverPid, Path serverDir, String serverHeap) {

    private static final Set<String> NAMES = Set.of("editors", "seconds", "warmup", "idle", "mirrors", "objects",
            "seed", "http-clients", "server", "token", "server-pid", "server-dir", "server-heap");

    static LoadOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            for (String word : arg.trim().split("[,\\s]+")) {
                if (word.isBlank()) {
                    continue;
                }
                int eq = word.indexOf('=');
                String name = word.startsWith("--") && eq > 2 ? word.substring(2, eq) : null;
                if (name == null || !NAMES.contains(name)) {
                    throw new IllegalArgumentException("unknown option '" + word + "'; options are --" + String.join(
                            "=, --", NAMES.stream().sorted().toList()) + "=");
                }
                values.put(name, word.substring(eq + 1));
            }
        }
        URI server = values.containsKey("server") ? URI.create(values.get("server")) : null;
        if (server != null && !values.containsKey("token")) {
            throw new IllegalArgumentException("--server needs --token=<bearer token of an owner or editor>");
        }
        LoadOptions options = new LoadOptions(number(values, "editors", 500), number(values, "seconds", 60),
                number(values, "warmup", 0),
                number(values, "idle", 2000), number(values, "mirrors", 2), number(values, "objects", 5000),
                Long.parseLong(values.getOrDefault("seed", "42")), number(values, "http-clients", 4), server,
                values.get("token"), values.containsKey("server-pid") ? Long.valueOf(values.get("server-pid")) : null,
                Path.of(values.getOrDefault("server-dir", "../../product/server/target/arxos-server")),
                values.getOrDefault("server-heap", "2g"));
        if (options.editors < 2 || options.seconds < 1 || options.warmup < 0 || options.idle < 0
                || options.mirrors < 1 || options.httpClients < 1) {
            throw new IllegalArgumentException("needs --editors=2 or more, --seconds=1 or more, --mirrors=1 or more, "
                    + "--http-clients=1 or more, --warmup=0 or more and --idle=0 or more: " + options);
        }
        return options;
    }

    private static int number(Map<String, String> values, String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }
}
