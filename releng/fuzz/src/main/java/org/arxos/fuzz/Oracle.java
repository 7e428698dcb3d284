package org.arxos.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.Revision;

/**
 * Runs one input through an importer on a worker thread, with a timeout, and judges the outcome:
 * <ul>
 * <li>OK: accepted, and the change set applies to {@link Revision#EMPTY} or is refused with
 * {@link ChangeRejectedException};</li>
 * <li>EXPECTED: {@link ImportException}, or {@link IOException} with a message;</li>
 * <li>CRASH: anything else thrown (runtime exceptions, errors such as StackOverflowError and OutOfMemoryError), a null
 * result, an exception without a message, or applying an accepted change set throwing something else;</li>
 * <li>HANG: no answer within the timeout; the worker is abandoned and a fresh one (with a fresh importer) used;</li>
 * <li>LEAK: the content of a probe file in the result or a message, or a connection to the probe listener.</li>
 * </ul>
 */
final class Oracle implements AutoCloseable {

    /**
     * MASKED is an EXPECTED outcome that hides a defect: the message (or cause) shows a runtime exception that the
     * importer caught and wrapped ("cannot map the file: java.lang.NullPointerException"), or bad input was reported
     * as an IOException although the stream (bytes in memory) cannot fail. No crash escapes, but the error has no
     * position and the defect stays. Counted and saved, not failed on.
     */
    enum Kind { OK, EXPECTED, MASKED, CRASH, HANG, LEAK }

    private static final java.util.regex.Pattern RUNTIME_EXCEPTION_NAME = java.util.regex.Pattern.compile(
            "\\b(?:java\\.[a-z.]+\\.)?(NullPointer|(?:Array|String)?IndexOutOfBounds|ClassCast|IllegalArgument|"
                    + "IllegalState|Arithmetic|NumberFormat|NegativeArraySize|ConcurrentModification|UnsupportedOperation|"
                    + "NoSuchElement|Runtime|ArrayStore|DateTimeParse|UncheckedIO)Exception\\b|\\b(StackOverflow|"
                    + "OutOfMemory|Assertion|ExceptionInInitializer|NoClassDefFound|Linkage)Error\\b");

    record Outcome(Kind kind, String signature, String detail, Throwable error) {
    }

    /** A worker abandoned after a timeout, watched in case it keeps burning CPU. */
    private record Abandoned(Thread thread, long cpuNanos, long atNanos) {
    }

    private static final ImportOptions OPTIONS = new ImportOptions("fuzz-input", null, "fuzz", 2_000_000);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Supplier<BuildingImporter> factory;
    private final long timeoutMillis;
    private final Probes probes;
    private final List<Abandoned> abandoned = new ArrayList<>();
    private BuildingImporter importer;
    private ExecutorService worker;
    private Thread workerThread;
    private int workers;

    Oracle(Supplier<BuildingImporter> factory, long timeoutMillis, Probes probes) {
        this.factory = factory;
        this.timeoutMillis = timeoutMillis;
        this.probes = probes;
        fresh();
    }

    private void fresh() {
        importer = factory.get();
        int n = ++workers;
        worker = Executors.newSingleThreadExecutor(r -> {
            // the default stack size, as on a server thread: a recursion that overflows there must show here
            Thread t = new Thread(null, r, "fuzz-worker-" + n, 0);
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
    }

    Outcome run(Mutator.Input input) {
        long connectionsBefore = probes.connections();
        BuildingImporter current = importer;
        Future<Outcome> future = worker.submit(() -> judge(current, input));
        Outcome outcome;
        try {
            outcome = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            Thread hung = workerThread;
            StackTraceElement[] stack = hung == null ? new StackTraceElement[0] : hung.getStackTrace();
            abandoned.add(new Abandoned(hung, cpu(hung), System.nanoTime()));
            worker.shutdownNow();
            fresh();
            Throwable where = new Throwable("no answer within " + timeoutMillis + " ms");
            where.setStackTrace(stack);
            outcome = new Outcome(Kind.HANG, "HANG@" + topFrame(stack), "no answer within " + timeoutMillis
                    + " ms; the worker was stuck at:", where);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            outcome = new Outcome(Kind.CRASH, signature(e.getCause()), "the oracle itself failed", e.getCause());
        }
        if (outcome.kind() == Kind.LEAK && outcome.signature().startsWith("LEAK@") && probes.leakIn(
                new String(input.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)) != null) {
            // the input itself carries the probe's content (a coverage-guided fuzzer can learn it): not a leak
            outcome = new Outcome(Kind.EXPECTED, "PROBE-TEXT-IN-INPUT", outcome.detail(), outcome.error());
        }
        long connections = probes.connections() - connectionsBefore;
        if (connections > 0 && outcome.kind() != Kind.CRASH && outcome.kind() != Kind.HANG) {
            outcome = new Outcome(Kind.LEAK, "NETWORK@connection-attempt", connections
                    + " connection(s) to the probe listener while importing; requests: " + probes.drainRequests(),
                    outcome.error());
        }
        return outcome;
    }

    private Outcome judge(BuildingImporter importer, Mutator.Input input) {
        ImportResult result;
        try (InputStream in = stream(input)) {
            result = importer.read(in, OPTIONS);
        } catch (ImportException | IOException e) {
            String leak = probes.leakIn(messages(e));
            if (leak != null) {
                return new Outcome(Kind.LEAK, "LEAK@" + signature(e), "the error message shows " + leak, e);
            }
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                return new Outcome(Kind.CRASH, "NO-MESSAGE@" + signature(e), e.getClass().getName()
                        + " without a message", e);
            }
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof RuntimeException || t instanceof Error) {
                    return new Outcome(Kind.MASKED, "MASKED:" + signature(t) + " in " + signature(e), e.getMessage(), e);
                }
            }
            if (e instanceof IOException && input.delivery() != Mutator.Delivery.FAILING) {
                // the stream cannot fail here (bytes in memory): bad input reported as a stream failure
                return new Outcome(Kind.MASKED, "IO-ON-BAD-INPUT:" + signature(e) + " \"" + shape(e.getMessage()) + "\"",
                        e.getMessage(), e);
            }
            java.util.regex.Matcher m = RUNTIME_EXCEPTION_NAME.matcher(e.getMessage());
            if (m.find()) {
                return new Outcome(Kind.MASKED, "MASKED:" + m.group() + " in " + signature(e), e.getMessage(), e);
            }
            return new Outcome(Kind.EXPECTED, signature(e) + " \"" + shape(e.getMessage()) + "\"", e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            System.gc();
            return new Outcome(Kind.CRASH, signature(e), "out of memory (heap " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB)", e);
        } catch (Throwable e) {
            return new Outcome(Kind.CRASH, signature(e), String.valueOf(e), e);
        }
        if (result == null || result.content() == null || result.report() == null) {
            return new Outcome(Kind.CRASH, "NULL-RESULT", "read returned " + (result == null ? "null"
                    : "a result without " + (result.content() == null ? "content" : "report")), null);
        }
        // the result must not carry what an external entity or reference pointed at
        for (Change c : result.content().changes()) {
            String leak = probes.leakIn(String.valueOf(c));
            if (leak != null) {
                return new Outcome(Kind.LEAK, "LEAK@result", "the change set shows " + leak + ": " + clip(c), null);
            }
        }
        String reportLeak = probes.leakIn(String.join("\n", result.report().warnings()) + keys(result.report().mapped())
                + keys(result.report().kept()) + keys(result.report().skipped()));
        if (reportLeak != null) {
            return new Outcome(Kind.LEAK, "LEAK@report", "the import report shows " + reportLeak, null);
        }
        try {
            Revision r = Revision.EMPTY.apply(result.content());
            return new Outcome(Kind.OK, null, r.objectCount() + " objects, " + r.connectionCount() + " connections", null);
        } catch (ChangeRejectedException e) {
            return new Outcome(Kind.OK, null, "accepted, but the change set was refused: " + clip(e.getMessage()), null);
        } catch (OutOfMemoryError e) {
            System.gc();
            return new Outcome(Kind.CRASH, "APPLY:" + signature(e), "out of memory applying the change set", e);
        } catch (Throwable e) {
            return new Outcome(Kind.CRASH, "APPLY:" + signature(e), "the accepted change set does not apply: " + e, e);
        }
    }

    /** A message's shape: the source prefix, quoted values, ids and numbers taken out; for grouping errors. */
    static String shape(String message) {
        message = message.length() > 400 ? message.substring(0, 400) : message;
        String m = message.startsWith(OPTIONS.sourceName()) ? message.replaceFirst("^fuzz-input(:\\d+)?( \\([^)]*\\))?: ", "")
                : message;
        m = m.replace('\n', ' ').replaceAll("'[^']*'", "'_'").replaceAll("\"[^\"]*\"", "\"_\"").replaceAll("#\\d+", "#N")
                .replaceAll("\\b(?i:IFC)[A-Za-z0-9_]+", "IFCX").replaceAll("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "N")
                .replaceAll("\\(column N\\)", "");
        return m.length() > 70 ? m.substring(0, 70) + "..." : m;
    }

    private static String keys(Map<String, Integer> m) {
        return String.join(",", m.keySet());
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 1 << 20; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String clip(Object o) {
        String s = String.valueOf(o);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private InputStream stream(Mutator.Input input) {
        byte[] b = input.bytes();
        return switch (input.delivery()) {
            case WHOLE -> new ByteArrayInputStream(b);
            case TRICKLE -> new TrickleInputStream(b, input.iteration());
            case FAILING -> new FailingInputStream(b, input.failAfter());
        };
    }

    /**
     * Whether an abandoned worker is still running and keeps using CPU: more than 10 s of CPU, and more than a fifth
     * of the wall time, since it was abandoned (a fifth, not a half: on a shared 2-core machine a looping thread may get
     * no more). Then the run stops: the rest of it would measure a machine that a runaway thread slows down.
     */
    String burningWorker() {
        long now = System.nanoTime();
        for (Abandoned a : abandoned) {
            if (a.thread() != null && a.thread().isAlive()) {
                long used = cpu(a.thread()) - a.cpuNanos();
                if (used > 10_000_000_000L && used > (now - a.atNanos()) / 5) {
                    return a.thread().getName() + " still runs, " + (used / 1_000_000) + " ms CPU in the "
                            + ((now - a.atNanos()) / 1_000_000) + " ms since it was abandoned, at "
                            + topFrame(a.thread().getStackTrace());
                }
            }
        }
        return null;
    }

    /** Abandoned workers still alive. */
    long aliveAbandoned() {
        return abandoned.stream().filter(a -> a.thread() != null && a.thread().isAlive()).count();
    }

    private static long cpu(Thread t) {
        if (t == null || !THREADS.isThreadCpuTimeSupported()) {
            return 0;
        }
        long v = THREADS.getThreadCpuTime(t.getId());
        return Math.max(0, v);
    }

    /** Exception class and the first stack frame outside the JDK and this fuzzer (the importer's own code). */
    static String signature(Throwable e) {
        if (e == null) {
            return "null";
        }
        return e.getClass().getName() + "@" + topFrames(e.getStackTrace());
    }

    /** The first two frames of the importer's own code: the throwing helper and what called it. */
    static String topFrames(StackTraceElement[] stack) {
        String first = null;
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("org.arxos.") && !c.startsWith("org.arxos.fuzz.")) {
                String frame = c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName() + ":" + f.getLineNumber();
                if (first == null) {
                    first = c.substring(0, c.lastIndexOf('.') + 1) + frame;
                } else {
                    return first + " <- " + frame;
                }
            }
        }
        return first != null ? first : topFrame(stack);
    }

    static String topFrame(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("org.arxos.") && !c.startsWith("org.arxos.fuzz.")) {
                return f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber();
            }
        }
        for (StackTraceElement f : stack) {
            if (!f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk.")) {
                return f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber();
            }
        }
        return stack.length == 0 ? "?" : stack[0].getClassName() + "." + stack[0].getMethodName() + ":"
                + stack[0].getLineNumber();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** Hands out 1 to 7 bytes per read, as a slow network would. */
    static final class TrickleInputStream extends InputStream {
        private final byte[] b;
        private final java.util.SplittableRandom rng;
        private int pos;

        TrickleInputStream(byte[] b, long seed) {
            this.b = b;
            this.rng = new java.util.SplittableRandom(seed);
        }

        @Override
        public int read() {
            return pos < b.length ? b[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] out, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= b.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + rng.nextInt(7)), b.length - pos);
            System.arraycopy(b, pos, out, off, n);
            pos += n;
            return n;
        }
    }

    /** Fails with an IOException after some bytes, as a broken upload would. */
    static final class FailingInputStream extends InputStream {
        private final byte[] b;
        private final int failAt;
        private int pos;

        FailingInputStream(byte[] b, int failAt) {
            this.b = b;
            this.failAt = Math.max(0, Math.min(failAt, b.length));
        }

        @Override
        public int read() throws IOException {
            if (pos >= failAt) {
                throw new IOException("fuzz: the stream failed after " + failAt + " bytes");
            }
            return b[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] out, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos >= failAt) {
                throw new IOException("fuzz: the stream failed after " + failAt + " bytes");
            }
            int n = Math.min(len, failAt - pos);
            System.arraycopy(b, pos, out, off, n);
            pos += n;
            return n;
        }
    }
}
