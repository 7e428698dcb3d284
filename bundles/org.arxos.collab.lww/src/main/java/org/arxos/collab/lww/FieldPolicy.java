package org.arxos.collab.lww;

import org.arxos.api.collab.Conflict;
import org.osgi.annotation.versioning.ConsumerType;

/** Decides what becomes of a write of a field that was written concurrently. */
@ConsumerType
@FunctionalInterface
public interface FieldPolicy {

    /** The later write in server order wins. */
    FieldPolicy LAST_WRITER_WINS = write -> Conflict.Outcome.OVERWRITTEN;

    /** Every concurrent write waits for a person. */
    FieldPolicy PARK = write -> Conflict.Outcome.PARKED;

    /**
     * @return {@link Conflict.Outcome#OVERWRITTEN} to apply the write over the current value,
     *         {@link Conflict.Outcome#DROPPED} to keep the current value, {@link Conflict.Outcome#PARKED} to keep it
     *         and park the write until a later write of the field decides; {@code MERGED} is not supported
     */
    Conflict.Outcome decide(ConcurrentWrite write);
}
