package org.arxos.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The entities of one STEP (IFC-SPF) file, found line by line (an entity starts with {@code #} at the start of a line
 * and ends at a line ending in {@code ;}): offsets and outgoing references, enough to cut a sample that keeps the
 * header and whose references mostly resolve.
 */
final class StepIndex {

    private final byte[] file;
    private final int headerEnd; // just after "DATA;" and its line break
    private final int[] starts;
    private final int[] ends;
    private final int[][] refs; // entity indexes referenced
    private final boolean[] relationship;
    private final int project; // index of IFCPROJECT, or -1

    private StepIndex(byte[] file, int headerEnd, int[] starts, int[] ends, int[][] refs, boolean[] relationship,
            int project) {
        this.file = file;
        this.headerEnd = headerEnd;
        this.starts = starts;
        this.ends = ends;
        this.refs = refs;
        this.relationship = relationship;
        this.project = project;
    }

    static StepIndex of(byte[] file) {
        int headerEnd = indexOf(file, "DATA;".getBytes(), 0);
        headerEnd = headerEnd < 0 ? 0 : lineEnd(file, headerEnd);
        List<int[]> spans = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int i = headerEnd;
        while (i < file.length) {
            int lineStart = i;
            if (file[i] == '#') {
                int end = lineStart;
                // an entity runs to the first line that ends with ';'
                while (end < file.length) {
                    int le = lineEnd(file, end);
                    int last = le - 1;
                    while (last > end && (file[last] == '\n' || file[last] == '\r' || file[last] == ' ')) {
                        last--;
                    }
                    end = le;
                    if (file[last] == ';') {
                        break;
                    }
                }
                spans.add(new int[] {lineStart, end});
                ids.add(parseId(file, lineStart + 1));
                i = end;
            } else {
                i = lineEnd(file, i);
            }
        }
        int n = spans.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        Map<Long, Integer> byId = new HashMap<>(n * 2);
        for (int k = 0; k < n; k++) {
            starts[k] = spans.get(k)[0];
            ends[k] = spans.get(k)[1];
            byId.put(ids.get(k), k);
        }
        int[][] refs = new int[n][];
        boolean[] relationship = new boolean[n];
        int project = -1;
        for (int k = 0; k < n; k++) {
            int eq = starts[k];
            while (eq < ends[k] && file[eq] != '=') {
                eq++;
            }
            int typeStart = eq + 1;
            relationship[k] = startsWith(file, typeStart, "IFCREL");
            if (project < 0 && startsWith(file, typeStart, "IFCPROJECT(")) {
                project = k;
            }
            int[] r = new int[8];
            int count = 0;
            boolean inString = false;
            for (int j = typeStart; j < ends[k]; j++) {
                byte b = file[j];
                if (b == '\'') {
                    inString = !inString;
                } else if (b == '#' && !inString) {
                    Integer target = byId.get(parseId(file, j + 1));
                    if (target != null) {
                        if (count == r.length) {
                            r = Arrays.copyOf(r, count * 2);
                        }
                        r[count++] = target;
                    }
                }
            }
            refs[k] = Arrays.copyOf(r, count);
        }
        return new StepIndex(file, headerEnd, starts, ends, refs, relationship, project);
    }

    int entityCount() {
        return starts.length;
    }

    /** The header, a contiguous run of entities from a random start within the budget, and the trailer. */
    byte[] run(SplittableRandom rng, int budget) {
        if (starts.length == 0) {
            return file;
        }
        int first = rng.nextInt(starts.length);
        int last = first;
        while (last + 1 < starts.length && ends[last + 1] - starts[first] < budget) {
            last++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(budget + headerEnd + 64);
        out.write(file, 0, headerEnd);
        out.write(file, starts[first], ends[last] - starts[first]);
        out.writeBytes(TRAILER);
        return out.toByteArray();
    }

    /**
     * The header, the project with what it references (units, contexts), and then whole reference closures of randomly
     * chosen entities (relationships preferred, so that spatial structure and containment come along) while they fit
     * the budget; the entities in file order, and the trailer.
     */
    byte[] closure(SplittableRandom rng, int budget) {
        if (starts.length == 0) {
            return file;
        }
        BitSet chosen = new BitSet(starts.length);
        int[] size = {0};
        if (project >= 0 && rng.nextInt(10) < 8) {
            addClosure(project, chosen, size, Integer.MAX_VALUE);
        }
        for (int tries = 0; tries < 40 && size[0] < budget; tries++) {
            int k = rng.nextInt(starts.length);
            if (rng.nextInt(10) < 6 && !relationship[k]) {
                // look for a relationship near it
                for (int j = 0; j < 64 && !relationship[k]; j++) {
                    k = (k + 1) % starts.length;
                }
            }
            BitSet attempt = (BitSet) chosen.clone();
            int[] attemptSize = {size[0]};
            if (addClosure(k, attempt, attemptSize, budget)) {
                chosen = attempt;
                size[0] = attemptSize[0];
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size[0] + headerEnd + 64);
        out.write(file, 0, headerEnd);
        for (int k = chosen.nextSetBit(0); k >= 0; k = chosen.nextSetBit(k + 1)) {
            out.write(file, starts[k], ends[k] - starts[k]);
        }
        out.writeBytes(TRAILER);
        return out.toByteArray();
    }

    /** Adds the closure of entity k; false (leaving a partial set) when it would exceed the budget. */
    private boolean addClosure(int k, BitSet chosen, int[] size, int budget) {
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.add(k);
        while (!todo.isEmpty()) {
            int e = todo.poll();
            if (chosen.get(e)) {
                continue;
            }
            chosen.set(e);
            size[0] += ends[e] - starts[e];
            if (size[0] > budget) {
                return false;
            }
            for (int r : refs[e]) {
                if (!chosen.get(r)) {
                    todo.add(r);
                }
            }
        }
        return true;
    }

    private static final byte[] TRAILER = "ENDSEC;\nEND-ISO-10303-21;\n".getBytes();

    private static long parseId(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < b.length && i < from + 18 && b[i] >= '0' && b[i] <= '9'; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private static int lineEnd(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n') {
            i++;
        }
        return Math.min(b.length, i + 1);
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = from; i <= b.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
