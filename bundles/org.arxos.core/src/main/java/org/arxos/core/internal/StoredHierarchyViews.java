package org.arxos.core.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.grouping.HierarchyView;
import org.arxos.api.grouping.HierarchyViews;
import org.arxos.api.grouping.UnknownStrategyException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.selection.CallGuard;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.selection.NoImplementationException;
import org.arxos.api.selection.Served;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the last few hierarchies and brings one forward to a newer revision of its building through the stored
 * change sets and the strategy's {@link GroupingStrategy#regroup regroup}. Concurrent requests for one hierarchy
 * group the building once. Keys hold the strategy's service id, so a strategy swapped for another of the same name
 * starts afresh, and the revision's content hash, so a building deleted and made again is not mistaken for the old.
 */
@Component(configurationPid = HierarchiesConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HierarchiesConfiguration.class)
public final class StoredHierarchyViews implements HierarchyViews {

    private static final Logger LOG = LoggerFactory.getLogger(StoredHierarchyViews.class);

    /** One building's hierarchies by one strategy instance. */
    record Lineage(String tenant, String buildingId, String strategy, long implementation) {
    }

    record Key(Lineage lineage, long revision, String contentHash) {
    }

    record Kept(Revision revision, Hierarchy hierarchy) {
    }

    private final ImplementationSelector selector;
    private final Map<Key, CompletableFuture<Kept>> grouping = new ConcurrentHashMap<>();
    private final LinkedHashMap<Key, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private volatile HierarchySettings settings;

    @Activate
    public StoredHierarchyViews(@Reference ImplementationSelector selector, HierarchiesConfiguration configuration) {
        this(selector, HierarchySettings.of(configuration));
    }

    public StoredHierarchyViews(ImplementationSelector selector, HierarchySettings settings) {
        this.selector = selector;
        this.settings = settings;
    }

    @Modified
    void modified(HierarchiesConfiguration changed) {
        settings = HierarchySettings.of(changed);
        synchronized (kept) {
            trim();
        }
    }

    @Override
    public HierarchyView view(String tenant, String buildingId, Revision revision, String strategy) {
        if (strategy != null) {
            CapabilityStatus status = selector.capability(Capability.GROUPING);
            if (status.implementations().stream().noneMatch(i -> i.name().equals(strategy))) {
                throw unknown(strategy, status);
            }
        }
        Served<Kept> served = selector.call(GroupingStrategy.class, strategy, (grouper, implementation) -> {
            Key key = new Key(new Lineage(tenant, buildingId, implementation.name(), implementation.serviceId()),
                    revision.number(), revision.contentHash());
            Kept found;
            synchronized (kept) {
                found = kept.get(key);
            }
            return found != null ? found : groupOnce(key, revision, grouper);
        }, CallGuard.validating(k -> problemOf(k.hierarchy(), revision)));
        Implementation by = served.implementation();
        return new HierarchyView(by.name(), by.serviceId(), served.value().hierarchy());
    }

    private static Optional<String> problemOf(Hierarchy hierarchy, Revision revision) {
        if (hierarchy == null) {
            return Optional.of("returned no hierarchy");
        }
        if (hierarchy.root() == null) {
            return Optional.of("the hierarchy has no root");
        }
        if (hierarchy.revision() != revision.number()) {
            return Optional.of("the hierarchy is of revision " + hierarchy.revision() + ", not " + revision.number());
        }
        return Optional.empty();
    }

    private Kept groupOnce(Key key, Revision revision, GroupingStrategy grouper) {
        CompletableFuture<Kept> mine = new CompletableFuture<>();
        CompletableFuture<Kept> running = grouping.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Kept made = new Kept(revision, forward(key, revision, grouper).orElseGet(() -> grouper.group(revision)));
            synchronized (kept) {
                kept.put(key, made);
                trim();
            }
            mine.complete(made);
            return made;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            grouping.remove(key, mine);
        }
    }

    /** The newest kept hierarchy of an earlier revision, regrouped through the change sets since; else empty. */
    private Optional<Hierarchy> forward(Key key, Revision target, GroupingStrategy grouper) {
        Optional<Map.Entry<Key, Kept>> base;
        int maxReplayed = settings.maxReplayedChangeSets();
        synchronized (kept) {
            base = kept.entrySet().stream()
                    .filter(e -> e.getKey().lineage().equals(key.lineage()) && e.getKey().revision() < target.number()
                            && target.number() - e.getKey().revision() <= maxReplayed)
                    .max(Comparator.comparingLong(e -> e.getKey().revision()));
        }
        if (base.isEmpty()) {
            return Optional.empty();
        }
        Lineage lineage = key.lineage();
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Revision current = base.get().getValue().revision();
        Hierarchy hierarchy = base.get().getValue().hierarchy();
        try {
            for (long n = current.number() + 1; n <= target.number(); n++) {
                ChangeSet changes = repository.changes(lineage.tenant(), lineage.buildingId(), n);
                Revision next = current.apply(changes);
                if (n == target.number()) {
                    if (!next.contentHash().equals(target.contentHash())) {
                        return Optional.empty();
                    }
                    next = target;
                }
                hierarchy = grouper.regroup(hierarchy, next, changes);
                current = next;
            }
            return Optional.of(hierarchy);
        } catch (ChangeRejectedException | RuntimeException e) {
            LOG.warn("Grouping building '{}' of tenant '{}' again with '{}': its hierarchy of revision {} could not be "
                    + "brought forward to revision {}: {}", lineage.buildingId(), lineage.tenant(), lineage.strategy(),
                    base.get().getKey().revision(), target.number(), e.getMessage());
            return Optional.empty();
        }
    }

    private void trim() {
        int capacity = settings.cacheSize();
        var oldestFirst = kept.keySet().iterator();
        while (kept.size() > capacity) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    private static UnknownStrategyException unknown(String name, CapabilityStatus status) {
        List<String> running = status.implementations().stream().map(Implementation::name).distinct().sorted()
                .toList();
        return new UnknownStrategyException(name, running);
    }
}
