package org.arxos.collab.ot.internal;

import org.arxos.api.collab.ConflictResolver;
import org.arxos.api.collab.ServerReplica;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The operational transformation policy: the server orders operations and transforms each against concurrent ones. */
@Component(configurationPid = OtConflictResolver.PID, property = {"arxos.impl=ot", "service.ranking:Integer=0"})
@Designate(ocd = OtConflictResolver.Config.class)
public final class OtConflictResolver implements ConflictResolver {

    static final String PID = "org.arxos.collab.ot";

    @ObjectClassDefinition(name = "Arxos OT conflict resolver")
    public @interface Config {
        @AttributeDefinition(name = "History (revisions)", description = "How many revisions back an operation may be"
                + " based; an older one is refused and its client must catch up first.", min = "1")
        int maxHistory() default 10_000;
    }

    private final int maxHistory;

    @Activate
    public OtConflictResolver(Config config) {
        if (config.maxHistory() < 1) {
            throw new IllegalArgumentException(PID + " maxHistory must be 1 or more, not " + config.maxHistory());
        }
        this.maxHistory = config.maxHistory();
    }

    @Override
    public ServerReplica open(String buildingId, Revision snapshot) {
        return new OtServerReplica(buildingId, snapshot, maxHistory);
    }
}
