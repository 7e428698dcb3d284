package org.arxos.api.compute;

/** What an engine is doing now. */
public record EngineStatus(int nodes, int workers, int queuedTasks, long completedTasks, long failedTasks) {
}
