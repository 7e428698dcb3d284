package org.arxos.core.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the framework, and so every bundle in order, when the JVM is asked to exit (SIGTERM, Ctrl-C). Neither the
 * launcher nor Felix does this, and without it databases and caches would be cut off mid-write.
 */
@Component(immediate = true)
public final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    private static final long STOP_TIMEOUT_MS = 30_000;

    private final Thread hook;

    @Activate
    public GracefulShutdown(BundleContext context) {
        Framework framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        hook = new Thread(() -> stop(framework), "arxos-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running: it is what deactivated us.
        }
    }

    private static void stop(Framework framework) {
        try {
            LOG.info("Stopping the framework");
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (BundleException | InterruptedException e) {
            LOG.warn("The framework did not stop cleanly: {}", e.getMessage());
        }
    }
}
