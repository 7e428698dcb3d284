package org.arxos.cache.ehcache.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;

import org.ehcache.spi.serialization.Serializer;

/**
 * Writes a {@link StoredValue} for the disk tier as its time to live in milliseconds followed by its bytes. Given to
 * Ehcache as an instance, so Ehcache never has to load a serializer class by name.
 */
final class StoredValueSerializer implements Serializer<StoredValue> {

    @Override
    public ByteBuffer serialize(StoredValue value) {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + value.bytes().length);
        buffer.putLong(value.timeToLive().toMillis()).put(value.bytes());
        return buffer.flip();
    }

    @Override
    public StoredValue read(ByteBuffer binary) {
        long timeToLive = binary.getLong();
        byte[] bytes = new byte[binary.remaining()];
        binary.get(bytes);
        return new StoredValue(bytes, Duration.ofMillis(timeToLive));
    }

    @Override
    public boolean equals(StoredValue value, ByteBuffer binary) {
        StoredValue stored = read(binary.duplicate());
        return stored.timeToLive().equals(Duration.ofMillis(value.timeToLive().toMillis()))
                && Arrays.equals(stored.bytes(), value.bytes());
    }
}
