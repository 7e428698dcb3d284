package org.arxos.benchmarks;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;

/**
 * Makes a DS component outside OSGi, as Service Component Runtime would with no configuration: its constructor's
 * configuration parameters (annotation types, often private to the bundle) get proxies that answer every attribute
 * with its default. Components are named by class so that the benchmark needs no access to their packages.
 */
final class DefaultComponent {

    private DefaultComponent() {
    }

    static <T> T create(String className, Class<T> service) {
        try {
            Class<?> type = Class.forName(className);
            Constructor<?> constructor = Arrays.stream(type.getConstructors())
                    .filter(c -> Arrays.stream(c.getParameterTypes()).allMatch(Class::isAnnotation))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(className
                            + " has no public constructor that takes only configurations"));
            Object[] arguments = Arrays.stream(constructor.getParameterTypes()).map(DefaultComponent::defaults)
                    .toArray();
            return service.cast(constructor.newInstance(arguments));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the class path: install its bundle", e);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make " + className + ": " + e, e);
        }
    }

    /** An instance of a configuration annotation whose attributes all have their default values. */
    private static Object defaults(Class<?> configuration) {
        return Proxy.newProxyInstance(configuration.getClassLoader(), new Class<?>[] {configuration},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> configuration;
                    case "toString" -> configuration.getSimpleName() + " defaults";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> defaultOf(configuration, method);
                });
    }

    private static Object defaultOf(Class<?> configuration, Method attribute) {
        Object value = attribute.getDefaultValue();
        if (value == null) {
            throw new IllegalStateException(configuration.getName() + "." + attribute.getName()
                    + " has no default: the benchmark cannot configure it");
        }
        return value;
    }
}
