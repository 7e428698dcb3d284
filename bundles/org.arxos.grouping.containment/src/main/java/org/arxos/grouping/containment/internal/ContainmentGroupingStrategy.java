package org.arxos.grouping.containment.internal;

import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Component;

/** Groups objects the way the building stores them: every object is a node, its children are its children. */
@Component(property = { "arxos.impl=containment", "service.ranking:Integer=0" })
public final class ContainmentGroupingStrategy implements GroupingStrategy {

    @Override
    public Hierarchy group(Revision revision) {
        return new ContainmentHierarchy(revision);
    }
}
