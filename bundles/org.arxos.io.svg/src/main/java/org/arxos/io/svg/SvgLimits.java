package org.arxos.io.svg;

/**
 * What the SVG reader accepts before it stops with a clear error, so that a hostile or broken file cannot exhaust
 * memory or time. The object limit is {@link org.arxos.api.io.ImportOptions#maxObjects()}.
 *
 * @param maxBytes           the largest file read, in bytes
 * @param maxElements        the most XML elements, counting every element a {@code use} would copy
 * @param maxDepth           the deepest element nesting
 * @param maxAttributeChars  the longest attribute value (a path's {@code d}, a polygon's {@code points})
 * @param maxEntities        the most internal entity declarations in a DOCTYPE
 * @param maxEntityChars     the longest internal entity value
 */
public record SvgLimits(long maxBytes, long maxElements, int maxDepth, int maxAttributeChars, int maxEntities,
        int maxEntityChars) {

    public static final SvgLimits DEFAULT = new SvgLimits(256L << 20, 2_000_000, 256, 16 << 20, 64, 1024);

    public SvgLimits {
        if (maxBytes <= 0 || maxElements <= 0 || maxDepth <= 0 || maxAttributeChars <= 0 || maxEntities < 0
                || maxEntityChars < 0) {
            throw new IllegalArgumentException("SVG limits must be positive");
        }
    }
}
