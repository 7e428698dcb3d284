package org.arxos.compress.svg.internal;

/**
 * What the compressor accepts before it stops with a clear error, so that a hostile file cannot exhaust memory or
 * time.
 *
 * @param maxBytes          the largest SVG compressed, and the largest SVG a decompression may produce, in bytes
 * @param maxElements       the most elements in one document
 * @param maxDepth          the deepest element nesting
 * @param maxAttributeChars the longest attribute value
 */
record SvgLimits(long maxBytes, int maxElements, int maxDepth, int maxAttributeChars) {

    static final SvgLimits DEFAULT = new SvgLimits(256L << 20, 4_000_000, 256, 16 << 20);

    SvgLimits {
        if (maxBytes <= 0 || maxElements <= 0 || maxDepth <= 0 || maxAttributeChars <= 0) {
            throw new IllegalArgumentException("SVG limits must be positive: maxBytes " + maxBytes + ", maxElements "
                    + maxElements + ", maxDepth " + maxDepth + ", maxAttributeChars " + maxAttributeChars);
        }
    }
}
