package org.arxos.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.arxos.repository.jdbc.internal.JdbcBuildingStore;
import org.arxos.repository.jdbc.internal.StoreSettings;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The JDBC building repository at scale. For each size (objects plus connections, default 1 000 000) and database:
 * generate a building, create it in a fresh database (apply, encode, compress, insert), close the store, open a new
 * one with an empty cache and load the head from the stored snapshot (cold: first load in the JVM's life for that
 * database; warm: a second load after clearing the cache), and measure the bytes the database uses and the heap the
 * reloaded head retains ("MiB stored" is the gzip'd JSON the repository wrote; "MiB on disk" the database's files or
 * relations, free space included). Prints one table. H2 goes to {@code target/repository-benchmark/} or
 * {@code --h2-dir=...} (deleted first);
 * {@code --postgres} adds PostgreSQL (schema {@code arxos_benchmark}, dropped first), at {@code --postgres-url=...}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code --postgres-user=...} (default postgres).
 */
public final class RepositoryBenchmark {

    private static final String TENANT = "benchmark";
    private static final String PG_SCHEMA = "arxos_benchmark";

    private interface Database {
        String name();

        DataSource dataSource() throws SQLException;

        void reset() throws IOException, SQLException;

        long bytesOnDisk() throws IOException, SQLException;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        boolean postgres = false;
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        String pgUser = "postgres";
        Path h2Folder = Path.of("target", "repository-benchmark");
        // exec:exec passes all of -Dbenchmark.sizes as one argument: split every argument on spaces and commas.
        for (String arg : args) {
            for (String part : arg.trim().split("[,\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                if (part.equals("--postgres")) {
                    postgres = true;
                } else if (part.startsWith("--postgres-url=")) {
                    pgUrl = part.substring("--postgres-url=".length());
                    postgres = true;
                } else if (part.startsWith("--h2-dir=")) {
                    h2Folder = Path.of(part.substring("--h2-dir=".length()));
                } else if (part.startsWith("--postgres-user=")) {
                    pgUser = part.substring("--postgres-user=".length());
                } else {
                    sizes.add(Integer.parseInt(part));
                }
            }
        }
        if (sizes.isEmpty()) {
            sizes.add(1_000_000);
        }
        List<Database> databases = new ArrayList<>();
        databases.add(h2(h2Folder.toAbsolutePath()));
        if (postgres) {
            databases.add(postgres(pgUrl, pgUser));
        }

        System.out.printf(Locale.ROOT, "RepositoryBenchmark: java %s, %d cpus, max heap %d MiB%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<String> rows = new ArrayList<>();
        for (int size : sizes) {
            for (Database database : databases) {
                rows.add(run(size, database));
            }
        }
        System.out.println();
        // Heap per item divides by objects + connections (what the generator's size counts); per object divides by
        // building objects only, while still counting the connections' memory.
        System.out.printf(Locale.ROOT, "%-10s %9s %9s %11s %11s %13s %14s %14s %11s %11s %11s %11s%n", "database",
                "target", "objects", "connections", "generate ms", "create+store", "reload cold ms", "reload warm ms",
                "MiB stored", "MiB on disk", "heap B/item", "heap B/obj");
        rows.forEach(System.out::println);
    }

    private static String run(int size, Database database) throws Exception {
        database.reset();
        long t0 = System.nanoTime();
        ChangeSet content = SyntheticBuilding.generate(new GeneratorSettings(42, size, "bench", "Benchmark"));
        long t1 = System.nanoTime();
        int objects;
        int connections;
        String hash;
        try (JdbcBuildingStore store = new JdbcBuildingStore(database.dataSource(), StoreSettings.of(50, 16),
                e -> { })) {
            var summary = store.create(TENANT, content);
            objects = summary.objectCount();
            connections = summary.connectionCount();
            hash = summary.contentHash();
        }
        long t2 = System.nanoTime();
        content = null;
        long bytes = database.bytesOnDisk();
        long stored = storedBytes(database.dataSource());

        long heapBefore = RetainedHeap.bytes();
        Revision head;
        long cold;
        long warm;
        try (JdbcBuildingStore store = new JdbcBuildingStore(database.dataSource(), StoreSettings.of(50, 16),
                e -> { })) {
            long s = System.nanoTime();
            head = store.head(TENANT, "bench");
            cold = System.nanoTime() - s;
            if (!head.contentHash().equals(hash)) {
                throw new IllegalStateException("reloaded content hash " + head.contentHash() + " != " + hash);
            }
            head = null;
            store.clearCache();
            s = System.nanoTime();
            head = store.head(TENANT, "bench");
            warm = System.nanoTime() - s;
            store.clearCache();
        }
        long heapAfter = RetainedHeap.bytes();
        double bytesPerItem = (double) (heapAfter - heapBefore) / (head.objectCount() + head.connectionCount());
        double bytesPerObject = (double) (heapAfter - heapBefore) / head.objectCount();
        String row = String.format(Locale.ROOT,
                "%-10s %9d %9d %11d %11.0f %13.0f %14.0f %14.0f %11.1f %11.1f %11.1f %11.1f",
                database.name(), size, objects, connections, (t1 - t0) / 1e6, (t2 - t1) / 1e6, cold / 1e6,
                warm / 1e6, stored / 1048576.0, bytes / 1048576.0, bytesPerItem, bytesPerObject);
        System.out.println(row + "   (hash " + head.contentHash() + ")");
        return row;
    }

    /** The gzip'd JSON the repository stored (snapshots and change sets), whatever the database adds around it. */
    private static long storedBytes(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (select coalesce(sum(octet_length(data)), 0) from arxos_snapshots)"
                        + " + (select coalesce(sum(octet_length(data)), 0) from arxos_changes)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Database h2(Path folder) {
        return new Database() {
            @Override
            public String name() {
                return "h2";
            }

            @Override
            public DataSource dataSource() {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL("jdbc:h2:file:" + folder.resolve("arxos") + ";AUTO_SERVER=FALSE");
                return ds;
            }

            @Override
            public void reset() throws IOException {
                if (Files.exists(folder)) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
                Files.createDirectories(folder);
            }

            @Override
            public long bytesOnDisk() throws IOException {
                try (Stream<Path> files = Files.walk(folder)) {
                    long total = 0;
                    for (Path p : files.filter(Files::isRegularFile).toList()) {
                        total += Files.size(p);
                    }
                    return total;
                }
            }
        };
    }

    private static Database postgres(String url, String user) {
        return new Database() {
            @Override
            public String name() {
                return "postgresql";
            }

            @Override
            public DataSource dataSource() {
                return pg(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + PG_SCHEMA);
            }

            private DataSource pg(String u) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(u);
                ds.setUser(user);
                return ds;
            }

            @Override
            public void reset() throws SQLException {
                try (Connection c = pg(url).getConnection(); Statement s = c.createStatement()) {
                    s.execute("drop schema if exists " + PG_SCHEMA + " cascade");
                    s.execute("create schema " + PG_SCHEMA);
                }
            }

            @Override
            public long bytesOnDisk() throws SQLException {
                try (Connection c = pg(url).getConnection(); PreparedStatement q = c.prepareStatement(
                        "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
                                + " join pg_namespace n on n.oid = c.relnamespace"
                                + " where n.nspname = ? and c.relkind = 'r'")) {
                    q.setString(1, PG_SCHEMA);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            }
        };
    }

}
