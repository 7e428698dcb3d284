package org.arxos.collab.crdt.internal;

import org.arxos.api.collab.ConflictResolver;
import org.arxos.api.collab.ServerReplica;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The CRDT policy: every replica applies every operation in hybrid timestamp order, so all converge without a lock. */
@Component(configurationPid = CrdtConflictResolver.PID, property = {"arxos.impl=crdt", "service.ranking:Integer=10"})
@Designate(ocd = CrdtConflictResolver.Config.class)
public final class CrdtConflictResolver implements ConflictResolver {

    static final String PID = "org.arxos.collab.crdt";

    @ObjectClassDefinition(name = "Arxos CRDT conflict resolver")
    public @interface Config {
        @AttributeDefinition(name = "Maximum lag (ms)", description = "An operation whose timestamp is this far behind"
                + " the newest one the server applied is refused, and its client must catch up first; the server keeps"
                + " its operation log for about this long.", min = "1")
        long maxLagMillis() default 60_000;
    }

    private final long maxLagMillis;

    @Activate
    public CrdtConflictResolver(Config config) {
        if (config.maxLagMillis() < 1) {
            throw new IllegalArgumentException(PID + " maxLagMillis must be 1 or more, not " + config.maxLagMillis());
        }
        this.maxLagMillis = config.maxLagMillis();
    }

    @Override
    public ServerReplica open(String buildingId, Revision snapshot) {
        return new CrdtServerReplica(buildingId, snapshot, maxLagMillis);
    }
}
