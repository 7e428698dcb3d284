package org.arxos.core.internal;

import java.lang.reflect.Proxy;

/** Configuration annotations as SCR hands them over when nothing is configured: every attribute at its default. */
final class Configurations {

    private Configurations() {
    }

    static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("annotationType") ? type : method.getDefaultValue()));
    }
}
