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

    /** Other spellings of the segment: the same in shortest numbers, the other case, a lineto along an axis. */
    private static List<PathSegment> candidates(PathSegment s, ExactPen pen) {
        List<PathSegment> out = new ArrayList<>(4);
        out.add(shortest(s));
        if (!pen.known() || s.command() == 'Z' || s.command() == 'z') {
            return out;
        }
        PathSegment absolute = pen.absolute(s);
        PathSegment relative = absolute == null ? null : pen.relative(absolute);
        if (absolute == null || relative == null) {
            return out;
        }
        out.add(s.isRelative() ? absolute : relative);
        char upper = Character.toUpperCase(s.command());
        if (upper == 'L') {
            PathNumber[] abs = absolute.args();
            PathNumber[] rel = relative.args();
            if (rel[1].value().signum() == 0) {
                out.add(new PathSegment('H', new PathNumber[] {abs[0]}));
                out.add(new PathSegment('h', new PathNumber[] {rel[0]}));
            } else if (rel[0].value().signum() == 0) {
                out.add(new PathSegment('V', new PathNumber[] {abs[1]}));
                out.add(new PathSegment('v', new PathNumber[] {rel[1]}));
            }
        }
        return out;
    }

    /** The segment with each number in its shortest text where Batik reads the same float from it. */
    private static PathSegment shortest(PathSegment s) {
        PathNumber[] args = s.args().clone();
        for (int k = 0; k < args.length; k++) {
            PathNumber shorter = args[k].shortest();
            if (shorter.batik() == args[k].batik()) {
                args[k] = shorter;
            }
        }
        return new PathSegment(s.command(), args);
    }
}
