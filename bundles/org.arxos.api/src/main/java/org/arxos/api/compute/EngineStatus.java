package org.arxos.api.compute;

import java.util.List;

/**
 * What an engine is doing now.
 *
 * @param engine         its {@code arxos.impl} name
 * @param nodes          the nodes that run tasks (1 for a local engine)
 * @param workers        threads (over all nodes) that run tasks
 * @param queuedTasks    tasks waiting for a worker
 * @param runningTasks   tasks running now
 * @param completedTasks tasks completed since the engine started
 * @param failedTasks    tasks that threw or were lost with a node and not recovered
 * @param failedOver     tasks run again elsewhere after their node left
 * @param members        a line per node (id, address, load) for operators
 */
public record EngineStatus(String engine, int nodes, int workers, int queuedTasks, int runningTasks,
        long completedTasks, long failedTasks, long failedOver, List<String> members) {

    public EngineStatus {
        members = List.copyOf(members);
    }
}
