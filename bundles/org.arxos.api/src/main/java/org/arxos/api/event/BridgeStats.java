package org.arxos.api.event;

/**
 * Counters of an {@link EventBridge} since it started.
 *
 * @param nodeId    this node's id, which other nodes see as the {@link EventBridge#ORIGIN} of its events
 * @param connected whether the bridge is connected to its broker now
 * @param sent      events of this node handed to the broker
 * @param received  events of other nodes published into this node's bus
 * @param failed    events not carried: refused as too large, unreadable, or lost while the broker was unreachable
 */
public record BridgeStats(String nodeId, boolean connected, long sent, long received, long failed) {
}
