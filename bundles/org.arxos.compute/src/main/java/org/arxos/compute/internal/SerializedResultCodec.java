package org.arxos.compute.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;

import org.arxos.api.cache.ValueCodec;

/**
 * Calculation results as Java serialization bytes for the cache tiers outside the heap. Reading is confined: classes
 * resolve through the result type's own class loader (its bundle), and the filter admits only that loader's classes
 * and {@code java.*}, within limits of depth, references and array size, so bytes in a shared tier cannot make this
 * server instantiate anything else.
 */
final class SerializedResultCodec<R extends Serializable> implements ValueCodec<R> {

    static final long MAX_DEPTH = 64;
    static final long MAX_REFERENCES = 10_000_000;
    static final long MAX_ARRAY_LENGTH = 100_000_000;

    private final Class<R> type;
    private final ObjectInputFilter filter;

    SerializedResultCodec(Class<R> type) {
        this.type = type;
        this.filter = this::admit;
    }

    @Override
    public byte[] encode(R value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a result of type " + type.getName() + " could not be serialized", e);
        }
        return bytes.toByteArray();
    }

    @Override
    public R decode(byte[] bytes) {
        try (ObjectInputStream in = new BundleObjectInputStream(new ByteArrayInputStream(bytes), type.getClassLoader())) {
            in.setObjectInputFilter(filter);
            Object value = in.readObject();
            if (!type.isInstance(value)) {
                throw new IllegalStateException("a cached result is a " + (value == null ? "null" : value.getClass()
                        .getName()) + ", not a " + type.getName());
            }
            return type.cast(value);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a cached result of type " + type.getName() + " could not be read: " + e,
                    e);
        }
    }

    private ObjectInputFilter.Status admit(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES
                || info.arrayLength() > MAX_ARRAY_LENGTH) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> serial = info.serialClass();
        if (serial == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (serial.isArray()) {
            serial = serial.getComponentType();
        }
        return serial.isPrimitive() || serial.getName().startsWith("java.")
                || serial.getClassLoader() == type.getClassLoader() ? ObjectInputFilter.Status.ALLOWED
                        : ObjectInputFilter.Status.REJECTED;
    }

    /** Resolves classes by the result type's class loader, as the default would by the caller's. */
    private static final class BundleObjectInputStream extends ObjectInputStream {

        private final ClassLoader loader;

        BundleObjectInputStream(ByteArrayInputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            if (loader == null) {
                return super.resolveClass(description);
            }
            try {
                return Class.forName(description.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                if (description.getName().startsWith("java.") || description.getName().startsWith("[")) {
                    return super.resolveClass(description);
                }
                throw new InvalidClassException(description.getName(), "not a class of the result's bundle");
            }
        }
    }
}
