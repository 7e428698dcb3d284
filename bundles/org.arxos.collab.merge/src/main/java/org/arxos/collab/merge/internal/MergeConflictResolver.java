package org.arxos.collab.merge.internal;

import org.arxos.api.collab.ConflictResolver;
import org.arxos.api.collab.ServerReplica;
import org.arxos.collab.lww.ChangeGuard;
import org.arxos.collab.lww.FieldPolicy;
import org.arxos.collab.lww.ReplicaLimits;
import org.arxos.collab.lww.ServerOrderedReplica;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Manual merge: in server order, a write of a field that another client wrote concurrently is parked instead of
 * applied, and listed until a later write of the field that saw it decides.
 */
@Component(configurationPid = MergeConflictResolver.PID, property = {"arxos.impl=merge", "service.ranking:Integer=-10"})
@Designate(ocd = MergeConflictResolver.Config.class)
public final class MergeConflictResolver implements ConflictResolver {

    static final String PID = "org.arxos.collab.merge";

    @ObjectClassDefinition(name = "Arxos manual-merge conflict resolver")
    public @interface Config {
        @AttributeDefinition(name = "History (revisions)", description = "How many revisions back an operation may be"
                + " based; an older one is refused and its client must catch up first.", min = "1")
        int maxHistory() default 10_000;

        @AttributeDefinition(name = "Parked conflicts", description = "How many conflicts of one building may wait for"
                + " a person at once; beyond that a concurrent write is dropped (reported DROPPED) instead of parked.",
                min = "0")
        int maxParked() default 10_000;
    }

    private final ReplicaLimits limits;

    @Activate
    public MergeConflictResolver(Config config) {
        try {
            this.limits = new ReplicaLimits(config.maxHistory(), config.maxParked());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServerReplica open(String buildingId, Revision snapshot) {
        return new ServerOrderedReplica(buildingId, snapshot, limits, FieldPolicy.PARK, ChangeGuard.NONE);
    }
}
