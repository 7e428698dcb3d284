package org.arxos.http.internal.collab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arxos.api.collab.Acknowledgement;
import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.Collaboration;
import org.arxos.api.collab.CollaborationStats;
import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.EditingSession;
import org.arxos.api.collab.Member;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Presence;
import org.arxos.api.collab.SessionError;
import org.arxos.api.collab.SessionListener;
import org.arxos.api.collab.Welcome;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.Revision;

/**
 * A collaboration host for transport tests: one building, server order by a lock, last writer wins, the model's
 * rules through {@link Revision#apply}. Every session's listener receives the same {@link AppliedOperation} object,
 * as the real host's do.
 */
final class OneBuildingCollaboration implements Collaboration {

    static final String TENANT = "acme";
    static final String BUILDING = "tower";

    private final Map<String, Joined> sessions = new LinkedHashMap<>();
    private final List<AppliedOperation> log = new ArrayList<>();
    private final Map<String, Long> lastSequence = new HashMap<>();
    private final List<Conflict> parked = new ArrayList<>();
    private Revision head;
    private long operations;

    OneBuildingCollaboration() {
        try {
            head = Revision.EMPTY.apply(ChangeSet.of("setup", "the building", new Change.AddObject(
                    new BuildingObject(BUILDING, ObjectType.BUILDING, "building", null, "Tower", null, null,
                            Properties.EMPTY))));
        } catch (ChangeRejectedException e) {
            throw new AssertionError(e);
        }
    }

    synchronized void park(Conflict conflict) {
        parked.add(conflict);
    }

    /** Each event as a burst of its own, flushed as the real host flushes after a burst. */
    private record Flushing(SessionListener listener) implements SessionListener {

        @Override
        public void welcome(Welcome welcome) {
            listener.welcome(welcome);
            listener.flush();
        }

        @Override
        public void applied(AppliedOperation operation) {
            listener.applied(operation);
            listener.flush();
        }

        @Override
        public void acknowledged(Acknowledgement acknowledgement) {
            listener.acknowledged(acknowledgement);
            listener.flush();
        }

        @Override
        public void presence(Member member) {
            listener.presence(member);
            listener.flush();
        }

        @Override
        public void error(SessionError error) {
            listener.error(error);
            listener.flush();
        }

        @Override
        public void closed(String reason) {
            listener.closed(reason);
            listener.flush();
        }
    }

    private final class Joined implements EditingSession {
        final Principal user;
        final String clientId;
        final SessionListener listener;
        Presence presence = Presence.NONE;

        Joined(Principal user, String clientId, SessionListener listener) {
            this.user = user;
            this.clientId = clientId;
            this.listener = new Flushing(listener);
        }

        Member member(boolean present) {
            return new Member(clientId, user.user(), user.roleFor(BUILDING).orElseThrow(), presence, present);
        }

        @Override
        public String clientId() {
            return clientId;
        }

        @Override
        public String buildingId() {
            return BUILDING;
        }

        @Override
        public void submit(Operation operation) {
            OneBuildingCollaboration.this.submit(this, operation);
        }

        @Override
        public void presence(Presence next) {
            synchronized (OneBuildingCollaboration.this) {
                presence = next;
                Member member = member(true);
                sessions.values().forEach(s -> s.listener.presence(member));
            }
        }

        @Override
        public void undo() {
            listener.error(new SessionError(SessionError.Code.NOTHING_TO_UNDO, "nothing to undo", 0));
        }

        @Override
        public void redo() {
            listener.error(new SessionError(SessionError.Code.NOTHING_TO_UNDO, "nothing to redo", 0));
        }

        @Override
        public void close() {
            synchronized (OneBuildingCollaboration.this) {
                if (sessions.remove(clientId, this)) {
                    Member left = member(false);
                    sessions.values().forEach(s -> s.listener.presence(left));
                }
            }
        }
    }

    @Override
    public synchronized EditingSession join(Principal user, String buildingId, String clientId, long since,
            SessionListener listener) {
        if (!user.tenant().equals(TENANT) || !buildingId.equals(BUILDING)) {
            throw new UnknownBuildingException("unknown building '" + buildingId + "'");
        }
        if (user.roleFor(buildingId).isEmpty()) {
            throw new SecurityException("user " + user.user() + " may not see building " + buildingId);
        }
        if (!BuildingObject.isValidId(clientId)) {
            throw new IllegalArgumentException("a client id must be 1 to 128 letters, digits or . _ : - but was '"
                    + clientId + "'");
        }
        if (since > head.number()) {
            throw new IllegalArgumentException("since " + since + " is in the future: the building is at revision "
                    + head.number());
        }
        Joined joined = new Joined(user, clientId, listener);
        Joined replaced = sessions.put(clientId, joined);
        if (replaced != null) {
            replaced.listener.closed("the same client joined again");
        }
        Member member = joined.member(true);
        sessions.values().stream().filter(s -> s != joined).forEach(s -> s.listener.presence(member));
        List<Member> members = sessions.values().stream().map(s -> s.member(true)).toList();
        joined.listener.welcome(since < 0
                ? new Welcome(head.number(), "lww", head, List.of(), members)
                : new Welcome(head.number(), "lww", null,
                        log.stream().filter(a -> a.revision() > since).toList(), members));
        return joined;
    }

    private synchronized void submit(Joined session, Operation operation) {
        if (!session.user.may(BUILDING, Role.EDITOR)) {
            session.listener.error(new SessionError(SessionError.Code.FORBIDDEN, "user " + session.user.user()
                    + " has the viewer role on building '" + BUILDING + "'; editing needs the editor role",
                    operation.sequence()));
            return;
        }
        long expected = lastSequence.getOrDefault(operation.clientId(), 0L) + 1;
        if (operation.sequence() != expected) {
            session.listener.error(new SessionError(SessionError.Code.OUT_OF_ORDER, "expected operation "
                    + operation.clientId() + "#" + expected, operation.sequence()));
            return;
        }
        lastSequence.put(operation.clientId(), operation.sequence());
        Revision next;
        try {
            next = head.apply(operation.changes());
        } catch (ChangeRejectedException e) {
            session.listener.acknowledged(new Acknowledgement(operation.clientId(), operation.sequence(), head.number(), e.violations(),
                    List.of()));
            return;
        }
        head = next;
        operations++;
        AppliedOperation applied = new AppliedOperation(head.number(), operation, operation.changes());
        log.add(applied);
        session.listener.acknowledged(new Acknowledgement(operation.clientId(), operation.sequence(), head.number(), List.of(),
                List.of()));
        sessions.values().forEach(s -> s.listener.applied(applied));
    }

    @Override
    public synchronized List<Member> members(Principal user, String buildingId) {
        return sessions.values().stream().map(s -> s.member(true)).toList();
    }

    @Override
    public synchronized List<Conflict> parked(Principal user, String buildingId) {
        return List.copyOf(parked);
    }

    @Override
    public synchronized CollaborationStats stats() {
        return new CollaborationStats(sessions.isEmpty() ? 0 : 1, sessions.size(), operations, 0, 0, 0);
    }
}
