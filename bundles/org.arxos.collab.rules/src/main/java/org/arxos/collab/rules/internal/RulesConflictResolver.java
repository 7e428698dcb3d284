package org.arxos.collab.rules.internal;

import org.arxos.api.collab.ConflictResolver;
import org.arxos.api.collab.ServerReplica;
import org.arxos.collab.lww.ReplicaLimits;
import org.arxos.collab.lww.ServerOrderedReplica;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Rule-based resolution in server order: the configured role each structural change and field write needs, and per
 * property or object type what a concurrent write does (keep the larger or smaller number, last writer wins, park).
 */
@Component(configurationPid = RulesConflictResolver.PID, property = {"arxos.impl=rules", "service.ranking:Integer=-10"})
@Designate(ocd = RulesConflictResolver.Config.class)
public final class RulesConflictResolver implements ConflictResolver {

    static final String PID = "org.arxos.collab.rules";

    @ObjectClassDefinition(name = "Arxos rule-based conflict resolver", description = "Entries are name=value."
            + " Field names are property names, or parent, name and geometry for those fields of an object.")
    public @interface Config {
        @AttributeDefinition(name = "Structural changes", description = "TYPE=ROLE: adding, removing or moving an object"
                + " of that type needs the role (VIEWER, EDITOR, OWNER); * covers every type without its own entry.")
        String[] structuralRoles() default {"*=OWNER"};

        @AttributeDefinition(name = "Field writes", description = "field=ROLE: writing that field needs the role,"
                + " e.g. fire-rating=OWNER.")
        String[] propertyRoles() default {};

        @AttributeDefinition(name = "Policies per field", description = "field=policy for concurrent writes of that"
                + " field: lww, keep-larger, keep-smaller (numbers of one unit; anything else falls back to lww), park.")
        String[] propertyPolicies() default {};

        @AttributeDefinition(name = "Policies per object type", description = "TYPE=policy for concurrent writes of any"
                + " field of objects of that type without a policy of its own.")
        String[] typePolicies() default {};

        @AttributeDefinition(name = "Default policy", description = "The policy of every other concurrent write.")
        String defaultPolicy() default "lww";

        @AttributeDefinition(name = "History (revisions)", description = "How many revisions back an operation may be"
                + " based; an older one is refused and its client must catch up first.", min = "1")
        int maxHistory() default 10_000;

        @AttributeDefinition(name = "Parked conflicts", description = "How many conflicts of one building may wait for"
                + " a person at once; beyond that a concurrent write is dropped (reported DROPPED) instead of parked.",
                min = "0")
        int maxParked() default 10_000;
    }

    private final RuleSet rules;
    private final ReplicaLimits limits;

    @Activate
    public RulesConflictResolver(Config config) {
        try {
            this.rules = new RuleSet(config);
            this.limits = new ReplicaLimits(config.maxHistory(), config.maxParked());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServerReplica open(String buildingId, Revision snapshot) {
        return new ServerOrderedReplica(buildingId, snapshot, limits, rules, rules);
    }
}
