package org.arxos.collab.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.arxos.api.collab.Collaboration;
import org.arxos.api.collab.CollaborationStats;
import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.ConflictResolver;
import org.arxos.api.collab.EditingSession;
import org.arxos.api.collab.Member;
import org.arxos.api.collab.SessionListener;
import org.arxos.api.event.BuildingEvent;
import org.arxos.api.event.EventBus;
import org.arxos.api.health.Health;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.model.BuildingObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session host: one {@link Room} per building with sessions on this node, the limits per host and building, the
 * counters, and the link to other nodes: after each commit it publishes {@value #APPENDED} on the event bus (the
 * messaging bridge carries it to the other nodes), and on that event from another node the room reads what was
 * appended from the shared log.
 */
final class CollaborationHost implements Collaboration, AutoCloseable {

    static final String APPENDED = "collab/appended";
    private static final Logger LOG = LoggerFactory.getLogger(CollaborationHost.class);

    private final OperationLog log;
    private final Supplier<BuildingRepository> repository;
    private final Function<String, ConflictResolver> resolvers;
    private final EventBus bus;
    private final HostSettings settings;
    private final LongSupplier nanoTime;
    private final String nodeId;
    private final ExecutorService pool;
    private final ExecutorService deliveries;
    private final ScheduledExecutorService timer;
    private final AutoCloseable subscription;

    private final Map<RoomKey, Room> rooms = new HashMap<>();
    private final Map<RoomKey, Integer> sessionsPerRoom = new HashMap<>();
    private int sessions;

    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong batchedOperations = new AtomicLong();
    private final LongAccumulator largestBatch = new LongAccumulator(Math::max, 0);
    private final AtomicLong logNanos = new AtomicLong();
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicLong compactedRows = new AtomicLong();
    private final AtomicReference<String> logProblem = new AtomicReference<>();

    /**
     * @param repository the building repository serving now
     * @param resolvers the running resolver of a policy, or {@code null}
     * @param bus       the event bus that links server nodes, or {@code null} for a host on its own
     * @param nanoTime  the clock of the rate limits
     * @param nodeId    this node among those sharing the log
     */
    CollaborationHost(OperationLog log, Supplier<BuildingRepository> repository, Function<String, ConflictResolver> resolvers,
            EventBus bus, HostSettings settings, LongSupplier nanoTime, String nodeId) {
        this.log = log;
        this.repository = repository;
        this.resolvers = resolvers;
        this.bus = bus;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.nodeId = nodeId;
        this.pool = Executors.newCachedThreadPool(threads("arxos-collab-"));
        // Sessions share as many threads as there are cores: a thread each would be hundreds of threads taking turns.
        this.deliveries = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                threads("arxos-collab-delivery-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("arxos-collab-timer-"));
        this.subscription = bus == null ? null : bus.subscribe(APPENDED, this::appendedElsewhere);
    }

    @Override
    public EditingSession join(Principal user, String buildingId, String clientId, long since,
            SessionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("a session needs a listener");
        }
        if (!BuildingObject.isValidId(clientId) || clientId.length() > 128 - Room.UNDO_SUFFIX.length()
                || clientId.endsWith(Room.UNDO_SUFFIX)) {
            throw new IllegalArgumentException("a client id must be 1 to " + (128 - Room.UNDO_SUFFIX.length())
                    + " letters, digits or . _ : - not ending in '" + Room.UNDO_SUFFIX + "', but was '" + clientId
                    + "'");
        }
        if (since < -1) {
            throw new IllegalArgumentException("since must be a revision or -1, not " + since);
        }
        Role role = roleOf(user, buildingId);
        RoomKey key = new RoomKey(user.tenant(), buildingId);
        while (true) {
            Room room = reserve(key, buildingId);
            Session session = new Session(room, user, role, clientId, listener,
                    new TokenBucket(settings.operationsPerSecond(), settings.burst(), nanoTime), deliveries,
                    settings.listenerQueue());
            Session joined;
            try {
                joined = room.join(session, since);
            } catch (RuntimeException e) {
                sessionEnded(key);
                closeIfEmpty(room);
                throw e;
            }
            if (joined != null) {
                return joined;
            }
            sessionEnded(key);
        }
    }

    @Override
    public List<Member> members(Principal user, String buildingId) {
        roleOf(user, buildingId);
        Room room = room(new RoomKey(user.tenant(), buildingId));
        return room == null ? List.of() : room.members();
    }

    @Override
    public List<Conflict> parked(Principal user, String buildingId) {
        roleOf(user, buildingId);
        Room room = room(new RoomKey(user.tenant(), buildingId));
        return room == null ? List.of() : room.parked();
    }

    @Override
    public synchronized CollaborationStats stats() {
        long batchedOps = batchedOperations.get();
        return new CollaborationStats(rooms.size(), sessions, operations.get(), refused.get(), conflicts.get(),
                batchedOps == 0 ? 0 : logNanos.get() / 1000.0 / batchedOps);
    }

    /** The {@code collab} part of {@code /health}: DOWN while the log cannot be written, with the counters. */
    Health health() {
        CollaborationStats stats = stats();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("buildings", stats.buildings());
        details.put("sessions", stats.sessions());
        details.put("operations", stats.operations());
        details.put("refused", stats.refused());
        details.put("conflicts", stats.conflicts());
        details.put("logLatencyMicros", Math.round(stats.logLatencyMicros()));
        long commits = batches.get();
        details.put("commits", commits);
        details.put("meanBatch", commits == 0 ? 0 : Math.round(10.0 * batchedOperations.get() / commits) / 10.0);
        details.put("largestBatch", largestBatch.get());
        details.put("snapshots", snapshots.get());
        details.put("compactedRows", compactedRows.get());
        String problem = logProblem.get();
        return problem == null ? Health.up(details)
                : new Health(Health.Status.DOWN, "the operation log cannot be written: " + problem, details);
    }

    /** Reopens the replicas whose resolver was swapped. */
    void resolversChanged() {
        List<Room> open;
        synchronized (this) {
            open = List.copyOf(rooms.values());
        }
        open.forEach(Room::resolverChanged);
    }

    @Override
    public void close() {
        List<Room> open;
        synchronized (this) {
            open = List.copyOf(rooms.values());
        }
        for (Room room : open) {
            try {
                room.shutdown("the server is stopping");
            } catch (IllegalStateException e) {
                LOG.warn("Sessions of building {} were not told that the server stops: {}", room.key(),
                        e.getMessage());
            }
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("Cannot end the subscription to {}: {}", APPENDED, e.toString());
            }
        }
        timer.shutdownNow();
        pool.shutdown();
        deliveries.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS) || !deliveries.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Collaboration threads were still busy 5 s after the host stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Role roleOf(Principal user, String buildingId) {
        if (user == null) {
            throw new SecurityException("an authenticated user is required");
        }
        if (repository.get().find(user.tenant(), buildingId).isEmpty()) {
            throw new UnknownBuildingException("tenant '" + user.tenant() + "' has no building '" + buildingId + "'");
        }
        Role role = user.roleFor(buildingId).orElse(null);
        if (role == null || !role.includes(Role.VIEWER)) {
            throw new SecurityException("user '" + user.user() + "' may not see building '" + buildingId + "'");
        }
        return role;
    }

    private synchronized Room reserve(RoomKey key, String buildingId) {
        if (sessions >= settings.maxSessions()) {
            throw new IllegalStateException("this server holds " + sessions + " sessions, the most it is configured "
                    + "for");
        }
        int inRoom = sessionsPerRoom.getOrDefault(key, 0);
        if (inRoom >= settings.maxSessionsPerBuilding()) {
            throw new IllegalStateException("building '" + buildingId + "' has " + inRoom + " sessions on this "
                    + "server, the most it is configured for");
        }
        sessions++;
        sessionsPerRoom.put(key, inRoom + 1);
        return rooms.computeIfAbsent(key, k -> new Room(this, k, settings.policyOf(k.buildingId())));
    }

    private synchronized Room room(RoomKey key) {
        return rooms.get(key);
    }

    synchronized void sessionEnded(RoomKey key) {
        sessions--;
        sessionsPerRoom.merge(key, -1, Integer::sum);
    }

    /** Forgets a room that has no sessions and none joining; true when it did. */
    synchronized boolean closeIfEmpty(Room room) {
        if (sessionsPerRoom.getOrDefault(room.key(), 0) > 0 || rooms.get(room.key()) != room) {
            return false;
        }
        rooms.remove(room.key());
        sessionsPerRoom.remove(room.key());
        return true;
    }

    private void appendedElsewhere(BuildingEvent event) {
        if (nodeId.equals(event.attributes().get("node"))) {
            return;
        }
        Room room = room(new RoomKey(event.tenant(), event.buildingId()));
        if (room != null) {
            room.sync(event.revision());
        }
    }

    void appended(RoomKey key, long from, long to) {
        if (bus != null) {
            bus.publish(new BuildingEvent(APPENDED, key.tenant(), key.buildingId(), to,
                    Map.of("node", nodeId, "from", Long.toString(from)), Instant.now()));
        }
    }

    void committed(int rows, long nanosWaited, int batchSize) {
        operations.addAndGet(rows);
        batches.incrementAndGet();
        batchedOperations.addAndGet(batchSize);
        largestBatch.accumulate(batchSize);
        logNanos.addAndGet(nanosWaited);
        logProblem.set(null);
    }

    void logFailed(Exception e) {
        logProblem.set(e.getMessage());
    }

    void snapshotWritten(int deletedRows) {
        snapshots.incrementAndGet();
        compactedRows.addAndGet(deletedRows);
    }

    void countRefused() {
        refused.incrementAndGet();
    }

    void countConflicts(long count) {
        conflicts.addAndGet(count);
    }

    HostSettings settings() {
        return settings;
    }

    OperationLog log() {
        return log;
    }

    BuildingRepository repository() {
        return repository.get();
    }

    ConflictResolver resolver(String policy) {
        return resolvers.apply(policy);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    ExecutorService pool() {
        return pool;
    }

    /**
     * Runs {@code task} after {@code nanos} on the host's timer thread, so it must be quick (hand work to an
     * executor); not at all once the host has stopped.
     */
    void later(Runnable task, long nanos) {
        try {
            timer.schedule(task, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // stopped: the rooms are shut down
        }
    }
}
