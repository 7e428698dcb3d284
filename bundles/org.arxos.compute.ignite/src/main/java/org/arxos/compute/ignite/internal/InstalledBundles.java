package org.arxos.compute.ignite.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/** The class loaders of this framework's bundles, by symbolic name: the resolved bundle of the highest version. */
final class InstalledBundles implements BundleSerialization.BundleLoaders {

    private static final int RESOLVED = Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final BundleContext context;

    InstalledBundles(BundleContext context) {
        this.context = context;
    }

    @Override
    public ClassLoader of(String symbolicName) throws ClassNotFoundException {
        Bundle found = null;
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && (bundle.getState() & RESOLVED) != 0
                    && (found == null || bundle.getVersion().compareTo(found.getVersion()) > 0)) {
                found = bundle;
            }
        }
        BundleWiring wiring = found == null ? null : found.adapt(BundleWiring.class);
        if (wiring == null || wiring.getClassLoader() == null) {
            throw new ClassNotFoundException("bundle " + symbolicName + " is not installed and resolved on this node");
        }
        return wiring.getClassLoader();
    }
}
