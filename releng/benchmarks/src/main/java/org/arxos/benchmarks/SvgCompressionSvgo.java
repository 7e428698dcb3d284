package org.arxos.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SVGO, run from {@code releng/benchmarks/svgo} (after {@code npm ci} there) on the same files in the same run: once
 * as its command line over all files, whose own per-file "Done in" times are read (one Node process, so start-up is
 * not counted; the first file also pays for loading svgo), and once through its API in a timing script that reports
 * the first call per file and the median after warm-up.
 */
final class SvgCompressionSvgo {

    /**
     * One file's results: the CLI's own time, the script's first call, its warm median by wall clock and by process CPU
     * time, and the optimized file.
     */
    record Result(double cliMillis, double firstMillis, double warmMillis, double cpuMillis, byte[] optimized) {
    }

    private static final Pattern DONE = Pattern.compile("Done in (\\d+) ms");
    private static final Pattern JSON = Pattern.compile("\"file\":\"([^\"]+)\",\"coldMs\":([0-9.]+),"
            + "\"medianMs\":([0-9.]+),\"cpuMs\":([0-9.]+),\"bytes\":\\d+,\"out\":\"([^\"]+)\"");

    private SvgCompressionSvgo() {
    }

    /** The folder holding package.json and node_modules: {@code -Dsvgo.dir}, else found from the working directory. */
    static Path folder() {
        String configured = System.getProperty("svgo.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : List.of(p.resolve("svgo"), p.resolve("releng/benchmarks/svgo"))) {
                if (Files.isRegularFile(candidate.resolve("time-svgo.mjs"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no svgo folder found from " + Path.of("").toAbsolutePath()
                + ": set -Dsvgo.dir");
    }

    static Map<String, Result> run(List<Path> files, int warmUps, int warmUpSeconds, int runs)
            throws IOException, InterruptedException {
        Path dir = folder();
        Path cli = dir.resolve("node_modules/.bin/svgo");
        if (!Files.isExecutable(cli)) {
            throw new IllegalStateException(cli + " is missing: run 'npm ci' in " + dir);
        }
        // The CLI prints its timing per file only when it works on a folder: the files' folder, which holds them all.
        Path folder = files.get(0).getParent();
        if (!files.stream().allMatch(f -> f.getParent().equals(folder))) {
            throw new IllegalArgumentException("the files must share one folder: " + files);
        }
        Path cliOut = Files.createTempDirectory("svgo-cli");
        String cliLog = execute(dir, List.of(cli.toString(), "-f", folder.toString(), "-o", cliOut.toString()));
        List<String> command;
        Map<String, Double> cliTimes = new HashMap<>();
        for (String block : cliLog.split("\\n\\s*\\n")) {
            Matcher m = DONE.matcher(block);
            String name = block.trim().split(":", 2)[0];
            if (m.find()) {
                cliTimes.put(name, Double.parseDouble(m.group(1)));
            }
        }
        if (cliTimes.size() != files.size()) {
            throw new IllegalStateException("svgo printed " + cliTimes.size() + " times for " + files.size()
                    + " files:\n" + cliLog);
        }
        Path apiOut = Files.createTempDirectory("svgo-api");
        command = new ArrayList<>(List.of("node", "time-svgo.mjs", apiOut.toString(), Integer.toString(warmUps),
                Integer.toString(warmUpSeconds), Integer.toString(runs)));
        command.addAll(files.stream().map(Path::toString).toList());
        Matcher json = JSON.matcher(execute(dir, command));
        Map<String, Result> results = new HashMap<>();
        while (json.find()) {
            results.put(json.group(1), new Result(cliTimes.get(json.group(1)), Double.parseDouble(json.group(2)),
                    Double.parseDouble(json.group(3)), Double.parseDouble(json.group(4)),
                    Files.readAllBytes(Path.of(json.group(5)))));
        }
        return results;
    }

    private static String execute(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
