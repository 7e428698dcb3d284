package org.arxos.http.internal.collab;

import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Presence;

import com.fasterxml.jackson.databind.JsonNode;

/** A message from a client (docs/collaboration-protocol.md). */
sealed interface ClientMessage {

    record Submit(Operation operation) implements ClientMessage {
    }

    record PresenceUpdate(Presence presence) implements ClientMessage {
    }

    record Undo() implements ClientMessage {
    }

    record Redo() implements ClientMessage {
    }

    /** Asks for the conflicts parked in the building. */
    record ListParked() implements ClientMessage {
    }

    /** @param id whatever the client sent as {@code id}, returned as it is; {@code null} when it sent none */
    record Ping(JsonNode id) implements ClientMessage {
    }
}
