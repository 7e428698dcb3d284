package org.arxos.calculations.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

import org.arxos.calculations.internal.EgressCalculation.Floor;
import org.arxos.calculations.internal.EgressCalculation.Routes;

/**
 * The walking graph of one floor. Nodes are the spaces' centres (area centroids), openings and exits; inside a space
 * one walks in a straight line between any two of its nodes (walls and furniture inside a space are not modelled).
 *
 * <ul>
 * <li>Openings: a door within {@code reach} of two or more spaces joins them at the door's centre. On a floor
 * without doors (or with {@code graph=adjacency}), two spaces whose bounds lie within {@code reach} of each other
 * along a shared wall at least {@code opening} long are joined at the middle of that wall.
 * <li>Exits: the centre of a stair or exit space; the centre of a stair component, in the spaces within
 * {@code reach} of it; a door marked as leading outside, and on the entrance floor a door that only one space
 * reaches, at the door's centre.
 * </ul>
 * Dijkstra from all exits at once gives every node its distance to the nearest exit; ties go to the node numbered
 * first, so the same floor always gives the same routes.
 */
final class FloorGraph {

    private final Floor floor;
    private final double reach;
    private final double opening;
    private final int spaces;
    private final float[][] bounds;

    /** Node coordinates and kinds, growing as openings and exits are added. */
    private double[] x = new double[16];
    private double[] y = new double[16];
    private boolean[] portal = new boolean[16];
    /** The exit object's index for exit nodes, -1 for others. */
    private int[] exitOf = new int[16];
    private int nodes;
    private final List<List<Integer>> nodesOfSpace = new ArrayList<>();
    private final List<List<Integer>> spacesOfNode = new ArrayList<>();

    FloorGraph(Floor floor, double reach, double opening) {
        this.floor = floor;
        this.reach = reach;
        this.opening = opening;
        this.spaces = floor.spaces().length;
        this.bounds = new float[spaces][];
        for (int s = 0; s < spaces; s++) {
            float[] o = floor.outlines()[s];
            float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
            for (int i = 0; i < o.length; i += 2) {
                b[0] = Math.min(b[0], o[i]);
                b[1] = Math.min(b[1], o[i + 1]);
                b[2] = Math.max(b[2], o[i]);
                b[3] = Math.max(b[3], o[i + 1]);
            }
            bounds[s] = b;
            nodesOfSpace.add(new ArrayList<>());
            double[] c = PlanGeometry.centroid(o);
            int node = node(c[0], c[1], false, floor.exitSpace()[s] ? floor.spaces()[s] : -1);
            attach(node, s);
        }
    }

    Routes shortestRoutes() {
        addDoors();
        if (!floor.useDoors()) {
            addSharedWalls();
        }
        addStairs();
        return dijkstra();
    }

    private void addDoors() {
        for (int d = 0; d < floor.doors().length; d++) {
            float[] box = Arrays.copyOfRange(floor.doorBoxes(), 4 * d, 4 * d + 4);
            List<Integer> touching = spacesNear(box);
            boolean outside = floor.external()[d] || (floor.entrance() && touching.size() == 1);
            boolean joins = floor.useDoors() && touching.size() >= 2;
            if (!outside && !joins) {
                continue;
            }
            int node = node((box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0, joins,
                    outside ? floor.doors()[d] : -1);
            touching.forEach(s -> attach(node, s));
        }
    }

    private void addStairs() {
        for (int t = 0; t < floor.stairs().length; t++) {
            float[] box = Arrays.copyOfRange(floor.stairBoxes(), 4 * t, 4 * t + 4);
            List<Integer> touching = spacesNear(box);
            if (touching.isEmpty()) {
                continue;
            }
            int node = node((box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0, false, floor.stairs()[t]);
            touching.forEach(s -> attach(node, s));
        }
    }

    /** Spaces whose outline is within reach of the box. */
    private List<Integer> spacesNear(float[] box) {
        float[] rectangle = PlanGeometry.rectangle(box[0], box[1], box[2], box[3]);
        List<Integer> near = new ArrayList<>();
        for (int s = 0; s < spaces; s++) {
            float[] b = bounds[s];
            if (b[0] - reach > box[2] || box[0] > b[2] + reach || b[1] - reach > box[3] || box[1] > b[3] + reach) {
                continue;
            }
            if (PlanGeometry.distance(rectangle, true, floor.outlines()[s], true) <= reach) {
                near.add(s);
            }
        }
        return near;
    }

    private void addSharedWalls() {
        Integer[] order = new Integer[spaces];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int c = Float.compare(bounds[a][0], bounds[b][0]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < spaces; i++) {
            int a = order[i];
            for (int j = i + 1; j < spaces; j++) {
                int b = order[j];
                if (bounds[b][0] > bounds[a][2] + reach) {
                    break;
                }
                joinAlongWall(Math.min(a, b), Math.max(a, b));
            }
        }
    }

    private void joinAlongWall(int a, int b) {
        float[] p = bounds[a];
        float[] q = bounds[b];
        double overlapY = Math.min(p[3], q[3]) - Math.max(p[1], q[1]);
        double overlapX = Math.min(p[2], q[2]) - Math.max(p[0], q[0]);
        double gapX = Math.max((double) q[0] - p[2], (double) p[0] - q[2]);
        double gapY = Math.max((double) q[1] - p[3], (double) p[1] - q[3]);
        int node;
        if (Math.abs(gapX) <= reach && overlapY >= opening && overlapY > 0) {
            double wallX = q[0] >= p[2] - reach && q[0] <= p[2] + reach ? (p[2] + q[0]) / 2.0 : (p[0] + q[2]) / 2.0;
            node = node(wallX, (Math.max(p[1], q[1]) + Math.min(p[3], q[3])) / 2.0, true, -1);
        } else if (Math.abs(gapY) <= reach && overlapX >= opening && overlapX > 0) {
            double wallY = q[1] >= p[3] - reach && q[1] <= p[3] + reach ? (p[3] + q[1]) / 2.0 : (p[1] + q[3]) / 2.0;
            node = node((Math.max(p[0], q[0]) + Math.min(p[2], q[2])) / 2.0, wallY, true, -1);
        } else {
            return;
        }
        attach(node, a);
        attach(node, b);
    }

    private int node(double nx, double ny, boolean isPortal, int exit) {
        if (nodes == x.length) {
            x = Arrays.copyOf(x, nodes * 2);
            y = Arrays.copyOf(y, nodes * 2);
            portal = Arrays.copyOf(portal, nodes * 2);
            exitOf = Arrays.copyOf(exitOf, nodes * 2);
        }
        x[nodes] = nx;
        y[nodes] = ny;
        portal[nodes] = isPortal;
        exitOf[nodes] = exit;
        spacesOfNode.add(new ArrayList<>());
        return nodes++;
    }

    private void attach(int node, int space) {
        nodesOfSpace.get(space).add(node);
        spacesOfNode.get(node).add(space);
    }

    private Routes dijkstra() {
        double[] dist = new double[nodes];
        int[] exit = new int[nodes];
        int[] openings = new int[nodes];
        boolean[] done = new boolean[nodes];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(exit, -1);
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : Double.compare(a[1], b[1]));
        for (int n = 0; n < nodes; n++) {
            if (exitOf[n] >= 0) {
                dist[n] = 0;
                exit[n] = exitOf[n];
                queue.add(new double[] {0, n});
            }
        }
        while (!queue.isEmpty()) {
            int u = (int) queue.poll()[1];
            if (done[u]) {
                continue;
            }
            done[u] = true;
            for (int s : spacesOfNode.get(u)) {
                for (int v : nodesOfSpace.get(s)) {
                    double d = dist[u] + Math.hypot(x[u] - x[v], y[u] - y[v]);
                    if (!done[v] && d < dist[v]) {
                        dist[v] = d;
                        exit[v] = exit[u];
                        openings[v] = openings[u] + (portal[v] ? 1 : 0);
                        queue.add(new double[] {d, v});
                    }
                }
            }
        }
        double[] distance = new double[spaces];
        int[] exitOfSpace = new int[spaces];
        int[] openingsOfSpace = new int[spaces];
        for (int s = 0; s < spaces; s++) {
            // node s is the space's centre
            distance[s] = Double.isInfinite(dist[s]) ? Double.NaN : dist[s];
            exitOfSpace[s] = exit[s];
            openingsOfSpace[s] = openings[s];
        }
        return new Routes(distance, exitOfSpace, openingsOfSpace);
    }
}
