package org.arxos.cache.redis.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration annotation's defaults with some values replaced, as DS would hand it to the component. */
final class TestConfigurations {

    private TestConfigurations() {
    }

    static RedisTierConfiguration redis(Map<String, Object> values) {
        return (RedisTierConfiguration) Proxy.newProxyInstance(RedisTierConfiguration.class.getClassLoader(),
                new Class<?>[] { RedisTierConfiguration.class }, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return RedisTierConfiguration.class;
                    }
                    Object value = values.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }
}
