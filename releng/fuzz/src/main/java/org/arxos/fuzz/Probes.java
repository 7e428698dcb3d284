package org.arxos.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the XML mutations point external entities and references at, and how to tell that an importer followed them: a
 * secret file whose marker must never appear in a result or message, {@code /etc/passwd} (its first line likewise),
 * and a listener on 127.0.0.1 that counts every connection made to it (an importer must never open one). The file
 * path and port are fixed (port {@value #PREFERRED_PORT} unless taken) so that inputs stay reproducible.
 */
final class Probes implements AutoCloseable {

    static final int PREFERRED_PORT = 47931;
    static final String SECRET_MARKER = "ARXOS-FUZZ-SECRET-4c1d9e";

    private final Path secretFile;
    private final String passwdMarker;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final AtomicLong connections = new AtomicLong();
    private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();

    Probes() {
        try {
            secretFile = Path.of(System.getProperty("java.io.tmpdir"), "arxos-fuzz-secret.txt");
            Files.writeString(secretFile, SECRET_MARKER + "\n");
            String passwd = null;
            try {
                passwd = Files.readAllLines(Path.of("/etc/passwd")).stream().findFirst().orElse(null);
            } catch (IOException | SecurityException e) {
                // no such file here
            }
            passwdMarker = passwd != null && passwd.length() >= 8 ? passwd : null;
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            try {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), PREFERRED_PORT));
            } catch (IOException taken) {
                s.close();
                s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            }
            listener = s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "fuzz-probe-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                connections.incrementAndGet();
                s.setSoTimeout(200);
                byte[] first = new byte[200];
                int n = 0;
                try {
                    InputStream in = s.getInputStream();
                    n = Math.max(0, in.read(first));
                } catch (IOException e) {
                    // nothing sent
                }
                String line = new String(first, 0, n, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
                requests.add(line);
            } catch (IOException e) {
                // closed, or a failed connection
            }
        }
    }

    String secretUrl() {
        return secretFile.toUri().toString();
    }

    String secretPath() {
        return secretFile.toString();
    }

    String httpUrl(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/" + path;
    }

    long connections() {
        return connections.get();
    }

    /** The first request lines received since the last call. */
    String drainRequests() {
        StringBuilder sb = new StringBuilder();
        for (String r; (r = requests.poll()) != null;) {
            sb.append(sb.length() == 0 ? "" : " | ").append(r);
        }
        return sb.toString();
    }

    /** The name of the probe whose content appears in the text, or null. */
    String leakIn(String text) {
        if (text == null) {
            return null;
        }
        if (text.contains(SECRET_MARKER)) {
            return "the secret file's content (" + secretFile + ")";
        }
        if (passwdMarker != null && text.contains(passwdMarker)) {
            return "/etc/passwd's first line";
        }
        return null;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
