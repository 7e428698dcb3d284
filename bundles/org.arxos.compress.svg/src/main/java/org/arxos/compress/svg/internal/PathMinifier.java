package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites path data in its shortest equivalent form, segment by segment: each number in its shortest text, each
 * segment absolute or relative (and a lineto along an axis as {@code H}/{@code V}) whichever is shorter, implied
 * letters and separators left out. A spelling replaces the original only when it is the same in exact decimal
 * arithmetic <em>and</em> Batik builds the same float segment from it ({@link BatikPathState}), so the path renders
 * exactly as before. The pen is followed in exact decimals; where a number has too many digits to follow, the
 * segments up to the next absolute moveto keep their own case.
 */
final class PathMinifier {

    private PathMinifier() {
    }

    /** The shortest equivalent of {@code d}, or {@code d} itself when it does not follow the path grammar. */
    static String minify(String d) {
        List<PathSegment> segments = PathData.parse(d);
        if (segments == null) {
            return d;
        }
        PathData.Writer writer = new PathData.Writer();
        BatikPathState batik = new BatikPathState();
        ExactPen pen = new ExactPen();
        float[] target = new float[BatikPathState.SIZE];
        float[] other = new float[BatikPathState.SIZE];
        for (PathSegment original : segments) {
            batik.step(original.command(), original.args(), target);
            PathSegment best = original;
            int bestCost = writer.cost(original);
            for (PathSegment candidate : candidates(original, pen)) {
                int cost = writer.cost(candidate);
                if (cost < bestCost || (cost == bestCost && candidate.command() == writer.implied()
                        && best.command() != writer.implied())) {
                    if (BatikPathState.same(batik.step(candidate.command(), candidate.args(), other), target)) {
                        best = candidate;
                        bestCost = cost;
                    }
                }
            }
            writer.append(best);
            batik.apply(target);
            pen.follow(original);
        }
        return writer.toString();
    }

    /**
     * Other spellings of the segment: the same in shortest numbers, the other case, a lineto along an axis. Only the
     * other case needs arithmetic: the segment's own case has its own values.
     */
    private static List<PathSegment> candidates(PathSegment s, ExactPen pen) {
        List<PathSegment> out = new ArrayList<>(4);
        out.add(shortest(s));
        if (!pen.known() || s.command() == 'Z' || s.command() == 'z') {
            return out;
        }
        PathSegment other = s.isRelative() ? pen.absolute(s) : pen.relative(s);
        if (other == null) {
            return out;
        }
        out.add(other);
        if (Character.toUpperCase(s.command()) == 'L') {
            PathNumber[] abs = (s.isRelative() ? other : s).args();
            PathNumber[] rel = (s.isRelative() ? s : other).args();
            if (rel[1].value().signum() == 0) {
                out.add(new PathSegment('H', new PathNumber[] {PathNumber.of(abs[0].value())}));
                out.add(new PathSegment('h', new PathNumber[] {PathNumber.of(rel[0].value())}));
            } else if (rel[0].value().signum() == 0) {
                out.add(new PathSegment('V', new PathNumber[] {PathNumber.of(abs[1].value())}));
                out.add(new PathSegment('v', new PathNumber[] {PathNumber.of(rel[1].value())}));
            }
        }
        return out;
    }

    /** The segment with each number in its shortest text where Batik reads the same float from it. */
    private static PathSegment shortest(PathSegment s) {
        if (!canShrink(s.args())) {
            return s;
        }
        PathNumber[] args = s.args().clone();
        for (int k = 0; k < args.length; k++) {
            PathNumber shorter = args[k].shortest();
            if (shorter.batik() == args[k].batik()) {
                args[k] = shorter;
            }
        }
        return new PathSegment(s.command(), args);
    }

    private static boolean canShrink(PathNumber[] args) {
        for (PathNumber n : args) {
            if (n.canShrink()) {
                return true;
            }
        }
        return false;
    }
}
