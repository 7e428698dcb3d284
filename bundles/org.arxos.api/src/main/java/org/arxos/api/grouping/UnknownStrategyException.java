package org.arxos.api.grouping;

import java.util.List;

/** A grouping strategy was asked for by a name that no running strategy has. */
public final class UnknownStrategyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> running;

    public UnknownStrategyException(String strategy, List<String> running) {
        super("unknown grouping strategy '" + strategy + "'; running: "
                + (running.isEmpty() ? "none" : String.join(", ", running)));
        this.running = List.copyOf(running);
    }

    /** The names of the strategies that are running, sorted. */
    public List<String> running() {
        return running;
    }
}
