package org.arxos.io.ifc.internal.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.arxos.io.ifc.internal.step.StepEntity;

/**
 * The entities a recursive reader is inside, outermost first: wherever the mapping follows references recursively
 * (representation items, curves and profiles, materials) it {@link #enter enters} each entity before reading it and
 * {@link #leave leaves} it after, so that a reference cycle fails at once naming the entities of the cycle, and a
 * chain deeper than a real file needs fails too, instead of looping until the stack overflows.
 */
final class ReferenceChain {

    private final String what;
    private final int maxDepth;
    private final List<StepEntity> chain = new ArrayList<>();
    private final Set<Long> onChain = new HashSet<>();

    /**
     * @param what     what the entities are, plural, for the messages ({@code "representation items"})
     * @param maxDepth the deepest chain accepted
     */
    ReferenceChain(String what, int maxDepth) {
        this.what = what;
        this.maxDepth = maxDepth;
    }

    /** Enters {@code e}; fails naming the cycle when it is already on the chain, or when the chain is too deep. */
    void enter(StepEntity e) throws IfcMappingException {
        if (onChain.contains(e.id())) {
            StringBuilder names = new StringBuilder();
            boolean inCycle = false;
            for (StepEntity c : chain) {
                inCycle |= c.id() == e.id();
                if (inCycle) {
                    names.append('#').append(c.id()).append(" -> ");
                }
            }
            names.append('#').append(e.id());
            throw IfcModel.problem(e, what + " refer to each other in a cycle: " + names);
        }
        if (chain.size() >= maxDepth) {
            throw IfcModel.problem(e, what + " nest deeper than " + maxDepth + " (from #" + chain.get(0).id() + ")");
        }
        chain.add(e);
        onChain.add(e.id());
    }

    /** Leaves the entity entered last. */
    void leave() {
        StepEntity e = chain.remove(chain.size() - 1);
        onChain.remove(e.id());
    }

    int depth() {
        return chain.size();
    }
}
