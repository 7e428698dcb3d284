package org.arxos.api.cache;

import org.osgi.annotation.versioning.ConsumerType;

/** Turns a cached value into bytes and back, for tiers outside the heap. */
@ConsumerType
public interface ValueCodec<V> {

    byte[] encode(V value);

    V decode(byte[] bytes);
}
