package org.arxos.http.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.arxos.api.io.BuildingExporter;
import org.arxos.api.io.BuildingImporter;
import org.arxos.api.repository.BuildingExistsException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.BuildingSummary;
import org.arxos.api.repository.RevisionInfo;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.api.security.IdentityStore;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.repository.ConcurrentChangeException;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/** Hand-written stand-ins for the platform services, enough to drive the endpoints without OSGi. */
final class FakeServices {

    private FakeServices() {
    }

    /** Keeps revisions in memory, like the real repository but without persistence. */
    static final class Repository implements BuildingRepository {
        final Map<String, Map<String, List<Revision>>> byTenant = new HashMap<>();
        final Map<String, String> names = new HashMap<>();
        final List<ChangeSet> created = new ArrayList<>();

        private Map<String, List<Revision>> tenant(String tenant) {
            return byTenant.computeIfAbsent(tenant, t -> new TreeMap<>());
        }

        private List<Revision> chain(String tenant, String buildingId) {
            List<Revision> chain = tenant(tenant).get(buildingId);
            if (chain == null) {
                throw new UnknownBuildingException("tenant '" + tenant + "' has no building '" + buildingId + "'");
            }
            return chain;
        }

        private static BuildingSummary summary(String tenant, String id, List<Revision> chain) {
            Revision head = chain.get(chain.size() - 1);
            return new BuildingSummary(id, tenant, head.root().map(o -> o.name()).orElse(null), head.number(),
                    head.contentHash(), head.objectCount(), head.connectionCount(),
                    Instant.parse("2026-01-02T03:04:05Z"));
        }

        private final Map<String, ChangeSet> changeSets = new HashMap<>();

        @Override
        public synchronized List<BuildingSummary> list(String tenant) {
            List<BuildingSummary> result = new ArrayList<>();
            tenant(tenant).forEach((id, chain) -> result.add(summary(tenant, id, chain)));
            return result;
        }

        @Override
        public synchronized Optional<BuildingSummary> find(String tenant, String buildingId) {
            List<Revision> chain = tenant(tenant).get(buildingId);
            return chain == null ? Optional.empty() : Optional.of(summary(tenant, buildingId, chain));
        }

        @Override
        public synchronized BuildingSummary create(String tenant, ChangeSet content) throws ChangeRejectedException {
            Revision first = Revision.EMPTY.apply(content);
            String id = first.root().orElseThrow().id();
            if (tenant(tenant).containsKey(id)) {
                throw new BuildingExistsException("tenant '" + tenant + "' already has a building '" + id + "'");
            }
            tenant(tenant).put(id, new ArrayList<>(List.of(first)));
            created.add(content);
            return summary(tenant, id, tenant(tenant).get(id));
        }

        @Override
        public synchronized Revision head(String tenant, String buildingId) {
            List<Revision> chain = chain(tenant, buildingId);
            return chain.get(chain.size() - 1);
        }

        @Override
        public synchronized Revision revision(String tenant, String buildingId, long number) {
            List<Revision> chain = chain(tenant, buildingId);
            if (number < 1 || number > chain.size()) {
                throw new UnknownBuildingException("building '" + buildingId + "' has no revision " + number);
            }
            return chain.get((int) number - 1);
        }

        @Override
        public synchronized ChangeSet changes(String tenant, String buildingId, long number) {
            ChangeSet changes = changeSets.get(tenant + "/" + buildingId + "/" + number);
            if (changes == null) {
                throw new UnknownBuildingException("building '" + buildingId + "' has no change set " + number);
            }
            return changes;
        }

        @Override
        public synchronized List<RevisionInfo> history(String tenant, String buildingId, int offset, int limit) {
            List<RevisionInfo> all = new ArrayList<>();
            List<Revision> chain = chain(tenant, buildingId);
            for (int i = chain.size() - 1; i >= 0; i--) {
                Revision r = chain.get(i);
                all.add(new RevisionInfo(r.number(), r.contentHash(), "ann", "", 1,
                        Instant.parse("2026-01-01T00:00:00Z")));
            }
            return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        }

        @Override
        public synchronized Revision apply(String tenant, String buildingId, ChangeSet changes)
                throws ChangeRejectedException {
            List<Revision> chain = chain(tenant, buildingId);
            Revision next = chain.get(chain.size() - 1).apply(changes);
            chain.add(next);
            changeSets.put(tenant + "/" + buildingId + "/" + next.number(), changes);
            return next;
        }

        @Override
        public synchronized Revision apply(String tenant, String buildingId, long baseRevision, ChangeSet changes)
                throws ChangeRejectedException {
            long head = head(tenant, buildingId).number();
            if (head != baseRevision) {
                throw new ConcurrentChangeException("head is " + head, head);
            }
            return apply(tenant, buildingId, changes);
        }

        @Override
        public synchronized boolean delete(String tenant, String buildingId) {
            return tenant(tenant).remove(buildingId) != null;
        }
    }

    static final class Identities implements IdentityStore {
        final Map<String, Principal> byToken = new HashMap<>();
        final List<String> grants = new ArrayList<>();
        RuntimeException grantFailure;

        @Override
        public Optional<Principal> authenticate(String bearerToken) {
            return Optional.ofNullable(byToken.get(bearerToken));
        }

        @Override
        public void grant(String tenant, String user, String buildingId, Role role) {
            if (grantFailure != null) {
                throw grantFailure;
            }
            grants.add(tenant + "/" + user + "/" + buildingId + "=" + role);
        }
    }

    /** Serves one service per capability, or none. */
    static final class Selector implements ImplementationSelector {
        final Map<Class<?>, Object> serving = new HashMap<>();
        final List<BuildingImporter> importers = new ArrayList<>();
        final List<BuildingExporter> exporters = new ArrayList<>();
        final Map<Capability, String> pins = new LinkedHashMap<>();
        /** The service id of the serving implementation of a capability, 42 unless set: a new id is a new instance. */
        final Map<Capability, Long> serviceIds = new java.util.EnumMap<>(Capability.class);

        @Override
        public <S> Optional<S> select(Class<S> spi) {
            return Optional.ofNullable(spi.cast(serving.get(spi)));
        }

        /** Named implementations; the serving one is also known as "fake". */
        final Map<String, Object> named = new HashMap<>();

        @Override
        public <S> Optional<S> select(Class<S> spi, String implementation) {
            Object service = named.get(implementation);
            if (service == null && implementation.equals("fake")) {
                service = serving.get(spi);
            }
            return spi.isInstance(service) ? Optional.of(spi.cast(service)) : Optional.empty();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S> List<S> all(Class<S> spi) {
            if (spi == BuildingImporter.class) {
                return (List<S>) List.copyOf(importers);
            }
            if (spi == BuildingExporter.class) {
                return (List<S>) List.copyOf(exporters);
            }
            return select(spi).map(List::of).orElse(List.of());
        }

        @Override
        public List<CapabilityStatus> capabilities() {
            List<CapabilityStatus> result = new ArrayList<>();
            for (Capability c : Capability.values()) {
                result.add(capability(c));
            }
            return result;
        }

        @Override
        public CapabilityStatus capability(Capability capability) {
            boolean running = serving.containsKey(capability.spi());
            List<Implementation> implementations = running
                    ? List.of(new Implementation("fake", 0, "org.arxos.fake", serviceIds.getOrDefault(capability, 42L)))
                    : List.of();
            return new CapabilityStatus(capability, implementations, pins.get(capability), running ? "fake" : null);
        }

        @Override
        public void pin(Capability capability, String implementation) {
            pins.put(capability, implementation);
        }

        @Override
        public void unpin(Capability capability) {
            pins.remove(capability);
        }
    }

    record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
            byte[] content, Principal principal) implements ApiRequest {

        static Request of(String method, String pathAndQuery, Principal principal) {
            int q = pathAndQuery.indexOf('?');
            return new Request(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                    QueryString.parse(q < 0 ? null : pathAndQuery.substring(q + 1)), Map.of(), null, principal);
        }

        Request body(String contentType, String text) {
            Map<String, String> h = new HashMap<>(headers);
            if (contentType != null) {
                h.put("Content-Type", contentType);
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            h.put("Content-Length", Integer.toString(bytes.length));
            return new Request(method, path, query, h, bytes, principal);
        }

        Request header(String name, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(name, value);
            return new Request(method, path, query, h, content, principal);
        }

        @Override
        public String contextPath() {
            return "";
        }

        @Override
        public String header(String name) {
            return headers.get(name);
        }

        @Override
        public long contentLength() {
            String declared = headers.get("Content-Length");
            return declared == null ? -1 : Long.parseLong(declared);
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(content == null ? new byte[0] : content);
        }
    }
}
