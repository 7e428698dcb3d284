package org.arxos.compute.ignite.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * The class loader Ignite resolves job classes with: Ignite's own classes from Ignite's loader, then this bundle's
 * (the job wrapper). Task classes never reach Ignite; {@link BundleSerialization} loads them from their bundles.
 */
final class IgniteFirstClassLoader extends ClassLoader {

    private final ClassLoader ours;

    IgniteFirstClassLoader(ClassLoader ignite, ClassLoader ours) {
        super(ignite);
        this.ours = ours;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return ours.loadClass(name);
    }

    @Override
    protected URL findResource(String name) {
        return ours.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return ours.getResources(name);
    }
}
