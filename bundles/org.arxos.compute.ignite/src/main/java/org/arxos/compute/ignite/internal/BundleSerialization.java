package org.arxos.compute.ignite.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Java serialization that names, with every class it writes, the symbolic name of the bundle that defines the class,
 * and loads each class from that bundle when reading. So tasks, inputs and results of any installed bundle travel
 * between nodes although Ignite itself only ever sees this bundle's job class, and without peer class loading: the
 * bundle must be installed on the node that reads. Classes of the JDK, and every class outside an OSGi framework
 * (benchmarks, unit tests), are named with an empty bundle name and loaded from the fallback class loader.
 */
final class BundleSerialization {

    private final BundleLoaders bundles;
    private final ClassLoader fallback;

    /** The class loader of the installed bundle of a symbolic name on this node. */
    @FunctionalInterface
    interface BundleLoaders {
        ClassLoader of(String symbolicName) throws ClassNotFoundException;
    }

    BundleSerialization(BundleLoaders bundles, ClassLoader fallback) {
        this.bundles = bundles;
        this.fallback = fallback;
    }

    byte[] write(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new BundleNamingOutput(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new BundleLoadingInput(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** The symbolic name of the bundle that defines the class; empty for the JDK's classes and outside OSGi. */
    static String bundleOf(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        return bundle == null || bundle.getBundleId() == 0 ? "" : bundle.getSymbolicName();
    }

    private static final class BundleNamingOutput extends ObjectOutputStream {

        BundleNamingOutput(OutputStream out) throws IOException {
            super(out);
        }

        @Override
        protected void annotateClass(Class<?> type) throws IOException {
            writeUTF(bundleOf(type));
        }
    }

    private final class BundleLoadingInput extends ObjectInputStream {

        BundleLoadingInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            String symbolicName = readUTF();
            // Class.forName, not loadClass: it also makes array classes
            String name = description.getName();
            if (symbolicName.isEmpty()) {
                try {
                    return Class.forName(name, false, fallback);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(description);
                }
            }
            return Class.forName(name, false, bundles.of(symbolicName));
        }
    }
}
