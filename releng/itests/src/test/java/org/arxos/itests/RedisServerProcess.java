package org.arxos.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of the test's own: a child process on a free loopback port, keeping nothing on disk, that the
 * test kills (SIGKILL, as a crash) and starts again on the same port.
 */
final class RedisServerProcess implements AutoCloseable {

    private static final long START_MILLIS = 10_000;

    private final int port;
    private final Path folder;
    private Process process;

    private RedisServerProcess(int port, Path folder) {
        this.port = port;
        this.folder = folder;
    }

    static RedisServerProcess startOnFreePort(Path folder) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(folder);
        RedisServerProcess server = new RedisServerProcess(port, folder);
        server.start();
        return server;
    }

    int port() {
        return port;
    }

    /** Starts the server on its port and returns once it answers PING. */
    void start() throws IOException, InterruptedException {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", folder.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot start redis-server (the redis-server package installs it): "
                    + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("redis-server did not answer on port " + port + " within " + START_MILLIS
                        + " ms; see " + folder.resolve("redis.log"));
            }
            Thread.sleep(20);
        }
    }

    /** Kills the server as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            return "+PONG".equals(in.readLine());
        } catch (IOException notYet) {
            return false;
        }
    }
}
