package org.arxos.grouping.functional.internal;

import java.util.Objects;
import java.util.Optional;

import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups objects by what they are for: building → function (lighting, power, egress, workspaces, structure, ...) →
 * floor → object ({@link FunctionalPlacements}), functions decided by configurable {@link FunctionRules rules}. A
 * configuration change applies from the next call; rules that cannot be read are logged and the rules in force are
 * kept (at activation, the default rules).
 *
 * <p>{@link #regroup} edits a tree grouped with the rules now in force ({@link FunctionalTreeEdit}); any other
 * hierarchy, or a revision with another building than the tree's, is grouped afresh.
 */
@Component(configurationPid = FunctionalGroupingConfiguration.PID,
        property = {"arxos.impl=functional", "service.ranking:Integer=10"})
@Designate(ocd = FunctionalGroupingConfiguration.class)
public final class FunctionalGroupingStrategy implements GroupingStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionalGroupingStrategy.class);

    private volatile FunctionRules rules;

    @Activate
    public FunctionalGroupingStrategy(FunctionalGroupingConfiguration configuration) {
        rules = read(configuration, "the default rules").orElseGet(FunctionalGroupingStrategy::defaultRules);
    }

    @Modified
    void modified(FunctionalGroupingConfiguration configuration) {
        read(configuration, "the rules in force").ifPresent(changed -> rules = changed);
    }

    @Override
    public GroupTree group(Revision revision) {
        FunctionRules using = rules;
        GroupTree.Builder builder = GroupTree.builder(revision, layout(using));
        FunctionalPlacements placements = new FunctionalPlacements(revision, using);
        revision.objects().forEach(object -> {
            FunctionGroup group = placements.groupOf(object);
            if (group != null) {
                builder.addObject(group.indexIn(builder), object);
            }
        });
        return builder.build();
    }

    @Override
    public Hierarchy regroup(Hierarchy previous, Revision revision, ChangeSet changes) {
        FunctionRules using = rules;
        if (!(previous instanceof GroupTree tree) || !tree.layout().equals(layout(using))
                || tree.revision() + 1 != revision.number() || !sameBuilding(tree.source(), revision)) {
            return group(revision);
        }
        return FunctionalTreeEdit.apply(tree, revision, changes, using);
    }

    /** Whether both revisions have the same building (or none): a tree is edited only for its own root. */
    private static boolean sameBuilding(Revision a, Revision b) {
        return Objects.equals(a.root().map(BuildingObject::id), b.root().map(BuildingObject::id));
    }

    /** Marks the trees grouped with these rules: only those are edited with them. */
    private static String layout(FunctionRules rules) {
        return "functional;rules=" + rules.fingerprint();
    }

    private static Optional<FunctionRules> read(FunctionalGroupingConfiguration configuration, String kept) {
        try {
            return Optional.of(FunctionRules.parse(configuration.rules()));
        } catch (RuleSyntaxException e) {
            LOG.error("The functional grouping keeps {}: {}", kept, e.getMessage());
            return Optional.empty();
        }
    }

    /** The rules the configuration declares as its default. */
    static FunctionRules defaultRules() {
        try {
            return FunctionRules.parse((String[]) FunctionalGroupingConfiguration.class.getMethod("rules")
                    .getDefaultValue());
        } catch (NoSuchMethodException | RuleSyntaxException e) {
            throw new IllegalStateException("the default function rules cannot be read: " + e.getMessage(), e);
        }
    }
}
