package org.arxos.compress.svg.internal;

import java.lang.annotation.Annotation;

/** A compressor configuration for tests: the defaults, changed one value at a time. */
record Configuration(double tolerance, boolean simplifyPaths, long maxBytes, int maxElements, int maxDepth,
        int maxAttributeChars, int maxExpansionRatio) implements SvgCompressorConfiguration {

    static final Configuration DEFAULTS = new Configuration(0.1, true, 64L << 20, 1_000_000, 256, 16 << 20, 1000);

    Configuration withTolerance(double value) {
        return new Configuration(value, simplifyPaths, maxBytes, maxElements, maxDepth, maxAttributeChars,
                maxExpansionRatio);
    }

    Configuration withMaxBytes(long value) {
        return new Configuration(tolerance, simplifyPaths, value, maxElements, maxDepth, maxAttributeChars,
                maxExpansionRatio);
    }

    Configuration withMaxElements(int value) {
        return new Configuration(tolerance, simplifyPaths, maxBytes, value, maxDepth, maxAttributeChars,
                maxExpansionRatio);
    }

    Configuration withMaxExpansionRatio(int value) {
        return new Configuration(tolerance, simplifyPaths, maxBytes, maxElements, maxDepth, maxAttributeChars,
                value);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return SvgCompressorConfiguration.class;
    }
}
