package org.arxos.cache.internal;

import java.util.Optional;

import org.osgi.service.component.ComponentServiceObjects;

/**
 * A bound service that is got from SCR on first use rather than when it is bound, and then kept until it is unbound
 * (SCR releases it then). A service that SCR cannot give yet, e.g. while it is still being activated, is asked for
 * again by the next use.
 */
final class LazyService<S> {

    private final ComponentServiceObjects<S> objects;
    private volatile S service;

    LazyService(ComponentServiceObjects<S> objects) {
        this.objects = objects;
    }

    boolean isFor(ComponentServiceObjects<S> bound) {
        return objects.getServiceReference().equals(bound.getServiceReference());
    }

    Optional<S> get() {
        S got = service;
        if (got == null) {
            synchronized (this) {
                if (service == null) {
                    service = obtain();
                }
                got = service;
            }
        }
        return Optional.ofNullable(got);
    }

    private S obtain() {
        try {
            return objects.getService();
        } catch (IllegalStateException e) {
            // unbound meanwhile: the service is gone
            return null;
        }
    }
}
