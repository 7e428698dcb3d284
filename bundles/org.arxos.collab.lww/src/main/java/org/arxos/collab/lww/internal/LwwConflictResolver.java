package org.arxos.collab.lww.internal;

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

/** Last writer wins with detection: in server order the later write of a field wins and the overwritten one is reported. */
@Component(configurationPid = LwwConflictResolver.PID, property = {"arxos.impl=lww", "service.ranking:Integer=-10"})
@Designate(ocd = LwwConflictResolver.Config.class)
public final class LwwConflictResolver implements ConflictResolver {

    static final String PID = "org.arxos.collab.lww";

    @ObjectClassDefinition(name = "Arxos last-writer-wins conflict resolver")
    public @interface Config {
        @AttributeDefinition(name = "History (revisions)", description = "How many revisions back an operation may be"
                + " based; an older one is refused and its client must catch up first.", min = "1")
        int maxHistory() default 10_000;
    }

    private final ReplicaLimits limits;

    @Activate
    public LwwConflictResolver(Config config) {
        try {
            this.limits = new ReplicaLimits(config.maxHistory(), 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServerReplica open(String buildingId, Revision snapshot) {
        return new ServerOrderedReplica(buildingId, snapshot, limits, FieldPolicy.LAST_WRITER_WINS, ChangeGuard.NONE);
    }
}
