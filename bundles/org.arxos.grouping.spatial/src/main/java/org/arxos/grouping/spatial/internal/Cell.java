package org.arxos.grouping.spatial.internal;

import java.util.Comparator;

import org.arxos.model.geometry.Bounds;

/**
 * A cell of the fixed grid that clusters are cut from. Positions are whole units of 2<sup>-10</sup> m (about 1 mm)
 * over 2<sup>26</sup> m from -2<sup>25</sup> m, 36 bits an axis; the two axes' bits interleave, x first (Morton
 * order), and a cell of level {@code p} is the set of positions that share the first {@code p} interleaved bits. So a
 * cell is square or twice as tall as wide, lies at a multiple of its size from the origin, and never moves with the
 * content around it. Cells are named by level and signed index from the origin on each axis: {@code q48.12.-7} is the
 * 4 m square whose lower corner is (48 m, -28 m).
 */
record Cell(int level, long x, long y) {

    static final int BITS = 36;
    /** The level of single positions, which cannot be divided further. */
    static final int FINEST = 2 * BITS;

    private static final double UNITS_PER_METRE = 1024;
    private static final double ORIGIN_METRES = 1 << 25;
    private static final long LAST = (1L << BITS) - 1;

    /** Siblings in the tree (disjoint cells, or chunks of one cell) by the Morton order of their lower corners. */
    static final Comparator<String> CLUSTER_ORDER = (a, b) -> {
        Cell ca = ofClusterId(a);
        Cell cb = ofClusterId(b);
        int byCorner = compareMorton(ca.minX(), ca.minY(), cb.minX(), cb.minY());
        if (byCorner != 0) {
            return byCorner;
        }
        int byLevel = Integer.compare(ca.level, cb.level);
        return byLevel != 0 ? byLevel : Long.compare(lastChunk(a), lastChunk(b));
    };

    /** The position of a coordinate in metres, clamped to the grid (about ±33,500 km). */
    static long unit(double metres) {
        double u = Math.floor((metres + ORIGIN_METRES) * UNITS_PER_METRE);
        return u <= 0 ? 0 : u >= LAST ? LAST : (long) u;
    }

    static long centreX(Bounds b) {
        return unit(((double) b.minX() + b.maxX()) / 2);
    }

    static long centreY(Bounds b) {
        return unit(((double) b.minY() + b.maxY()) / 2);
    }

    /** The cell of {@code level} that holds the position. */
    static Cell containing(long ux, long uy, int level) {
        return new Cell(level, ux >>> (BITS - xBits(level)), uy >>> (BITS - yBits(level)));
    }

    /**
     * The level of the smallest cell, among levels that are multiples of {@code step}, holding every position from
     * {@code (andX, andY)} to {@code (orX, orY)}: the AND and OR of the positions' bits.
     */
    static int commonLevel(long andX, long orX, long andY, long orY, int step) {
        int sameX = Math.min(BITS, Long.numberOfLeadingZeros(andX ^ orX) - (Long.SIZE - BITS));
        int sameY = Math.min(BITS, Long.numberOfLeadingZeros(andY ^ orY) - (Long.SIZE - BITS));
        return Math.min(2 * sameX, 2 * sameY + 1) / step * step;
    }

    /** Which of the {@code 2^bits} cells {@code bits} levels below {@code level} holds the position, in Morton order. */
    static int subcell(long ux, long uy, int level, int bits) {
        int index = 0;
        for (int k = level; k < level + bits; k++) {
            long axis = (k & 1) == 0 ? ux : uy;
            index = index << 1 | (int) (axis >>> (BITS - 1 - k / 2) & 1);
        }
        return index;
    }

    /** Compares positions in Morton order: by the first interleaved bit where they differ. */
    static int compareMorton(long x1, long y1, long x2, long y2) {
        return Long.numberOfLeadingZeros(x1 ^ x2) <= Long.numberOfLeadingZeros(y1 ^ y2) ? Long.compare(x1, x2)
                : Long.compare(y1, y2);
    }

    long minX() {
        return x << (BITS - xBits(level));
    }

    long minY() {
        return y << (BITS - yBits(level));
    }

    long maxX() {
        return minX() | (1L << (BITS - xBits(level))) - 1;
    }

    long maxY() {
        return minY() | (1L << (BITS - yBits(level))) - 1;
    }

    boolean contains(long ux, long uy) {
        return ux >>> (BITS - xBits(level)) == x && uy >>> (BITS - yBits(level)) == y;
    }

    /** The width in metres; the height is the same or twice it. */
    double width() {
        return (1L << (BITS - xBits(level))) / UNITS_PER_METRE;
    }

    double height() {
        return (1L << (BITS - yBits(level))) / UNITS_PER_METRE;
    }

    /** {@code q<level>.<x>.<y>}, with indexes counted from the origin. */
    String address() {
        return "q" + level + "." + (x - half(xBits(level))) + "." + (y - half(yBits(level)));
    }

    /**
     * The cell a cluster id names: {@code <home>/q<level>.<x>.<y>}, followed for a chunk of a cell's coincident
     * objects by {@code .<i>.<j>...}.
     */
    static Cell ofClusterId(String id) {
        String[] parts = id.substring(id.lastIndexOf('/') + 2).split("\\.");
        if (parts.length < 3 || id.charAt(id.lastIndexOf('/') + 1) != 'q') {
            throw new IllegalArgumentException("'" + id + "' is not the id of a spatial cluster");
        }
        int level = Integer.parseInt(parts[0]);
        return new Cell(level, Long.parseLong(parts[1]) + half(xBits(level)),
                Long.parseLong(parts[2]) + half(yBits(level)));
    }

    /** Whether a cluster id names a chunk of a cell rather than a cell. */
    static boolean isChunk(String clusterId) {
        int dots = 0;
        for (int i = clusterId.lastIndexOf('/'); i < clusterId.length(); i++) {
            if (clusterId.charAt(i) == '.') {
                dots++;
            }
        }
        return dots > 2;
    }

    private static long lastChunk(String clusterId) {
        return isChunk(clusterId) ? Long.parseLong(clusterId.substring(clusterId.lastIndexOf('.') + 1)) : 0;
    }

    private static int xBits(int level) {
        return (level + 1) / 2;
    }

    private static int yBits(int level) {
        return level / 2;
    }

    private static long half(int bits) {
        return bits == 0 ? 0 : 1L << (bits - 1);
    }
}
