package org.arxos.cache.internal;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * A service as SCR binds it to a {@link ComponentServiceObjects} reference. Counts how often it is got, and can be
 * told to give nothing, as SCR does while the service is still being activated.
 */
final class TestServiceObjects<S> implements ComponentServiceObjects<S> {

    final AtomicInteger gets = new AtomicInteger();
    private final S service;
    private final ServiceReference<S> reference;
    private volatile boolean obtainable = true;

    @SuppressWarnings("unchecked")
    TestServiceObjects(S service) {
        this.service = service;
        this.reference = (ServiceReference<S>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "reference to " + service;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    TestServiceObjects<S> obtainable(boolean obtainable) {
        this.obtainable = obtainable;
        return this;
    }

    @Override
    public S getService() {
        gets.incrementAndGet();
        return obtainable ? service : null;
    }

    @Override
    public void ungetService(S released) {
        // SCR releases what was got when the reference is unbound; nothing to count here
    }

    @Override
    public ServiceReference<S> getServiceReference() {
        return reference;
    }
}
