package org.arxos.collab.rules.internal;

import java.lang.annotation.Annotation;

/** A configuration of the rules resolver for tests, as Configuration Admin would give it. */
record RulesConfig(String[] structuralRoles, String[] propertyRoles, String[] propertyPolicies, String[] typePolicies,
        String defaultPolicy, int maxHistory, int maxParked) implements RulesConflictResolver.Config {

    static RulesConfig of(String[] structuralRoles, String[] propertyRoles, String[] propertyPolicies,
            String[] typePolicies) {
        return new RulesConfig(structuralRoles, propertyRoles, propertyPolicies, typePolicies, "lww", 10_000, 10_000);
    }

    RulesConfig withDefaultPolicy(String policy) {
        return new RulesConfig(structuralRoles, propertyRoles, propertyPolicies, typePolicies, policy, maxHistory,
                maxParked);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return RulesConflictResolver.Config.class;
    }
}
