package org.arxos.cache.jdbc.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration annotation's defaults with some values replaced, as DS would hand it to the component. */
final class TestConfigurations {

    private TestConfigurations() {
    }

    static JdbcTierConfiguration jdbc(Map<String, Object> values) {
        return (JdbcTierConfiguration) Proxy.newProxyInstance(JdbcTierConfiguration.class.getClassLoader(),
                new Class<?>[] { JdbcTierConfiguration.class }, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return JdbcTierConfiguration.class;
                    }
                    Object value = values.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }
}
