package org.arxos.calculations.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationContext;
import org.arxos.calculations.LoadsResult;
import org.arxos.calculations.LoadsResult.Medium;
import org.arxos.calculations.LoadsResult.Node;
import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Component;

/**
 * Load roll-up along connections: the loads of the objects a connection kind reaches, summed upstream through
 * circuits and branches to panels, risers and sources. Objects that feed each other in a circle are one group (their
 * strongly connected component), so a cycle is summed once and reported, never followed around.
 *
 * <p>The roll-up is one walk over a graph whose edges cross floors, so it runs where the job runs: splitting it by
 * floor would ship more than it computes.
 */
@Component(service = Calculation.class, property = "arxos.impl=loads")
public final class LoadsCalculation implements Calculation<LoadsResult> {

    static final String NAME = "loads";

    private static final Map<String, String> DEFAULT_PROPERTIES = Map.of("power", "load", "air", "airflow", "water",
            "flow");

    @Override
    public String description() {
        return "Load roll-up: for each connection kind in 'kinds' (default power, air, water) the load property "
                + "(load, airflow, flow; 'property.<kind>' overrides) summed from the objects fed up to panels and "
                + "sources, with cycles and orphans reported.";
    }

    @Override
    public Class<LoadsResult> resultType() {
        return LoadsResult.class;
    }

    @Override
    public LoadsResult calculate(CalculationContext context) throws Exception {
        Parameters parameters = new Parameters(NAME, context.parameters(), Set.of("kinds"), Set.of("property."));
        List<String> kinds = parameters.names("kinds", List.of("power", "air", "water"), Set.of());
        List<Medium> media = new ArrayList<>();
        for (String kind : kinds) {
            String property = parameters.text("property." + kind, DEFAULT_PROPERTIES.getOrDefault(kind, "load"));
            media.add(new RollUp(context.revision(), kind, property).run());
            Distribution.checkCancelled(context);
            context.progress((double) media.size() / kinds.size());
        }
        return new LoadsResult(media);
    }

    /** One medium's graph: objects as numbers in the order connections name them, edges as adjacency arrays. */
    private static final class RollUp {
        final Revision revision;
        final String kind;
        final String property;
        final Map<String, Integer> numbers = new HashMap<>();
        final List<String> ids = new ArrayList<>();
        int[][] out;
        int[] inDegree;

        RollUp(Revision revision, String kind, String property) {
            this.revision = revision;
            this.kind = kind;
            this.property = property;
        }

        Medium run() {
            List<int[]> edges = new ArrayList<>();
            revision.connections().filter(c -> c.kind().equals(kind))
                    .forEach(c -> edges.add(new int[] {number(c.fromId()), number(c.toId())}));
            int n = ids.size();
            int[] outDegree = new int[n];
            inDegree = new int[n];
            for (int[] e : edges) {
                outDegree[e[0]]++;
                inDegree[e[1]]++;
            }
            out = new int[n][];
            for (int i = 0; i < n; i++) {
                out[i] = new int[outDegree[i]];
            }
            int[] filled = new int[n];
            for (int[] e : edges) {
                out[e[0]][filled[e[0]]++] = e[1];
            }
            double[] own = new double[n];
            Double[] declared = new Double[n];
            Map<String, String> units = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                PropertyValue.Number load = load(revision.get(ids.get(i)), units);
                if (load != null) {
                    own[i] = load.value();
                    declared[i] = load.value();
                }
            }
            List<String> orphans = new ArrayList<>();
            for (BuildingObject o : (Iterable<BuildingObject>) revision.objects()::iterator) {
                if (!numbers.containsKey(o.id()) && load(o, units) != null) {
                    orphans.add(o.id());
                }
            }
            if (units.size() > 1) {
                throw new IllegalStateException("the '" + property + "' loads of " + kind + " objects have different "
                        + "units, which cannot be summed: " + units);
            }

            int[] component = new StronglyConnected(out).components();
            int groups = Arrays.stream(component).max().orElse(-1) + 1;
            int[] size = new int[groups];
            for (int c : component) {
                size[c]++;
            }
            // Tarjan numbers components in reverse topological order: everything a group feeds has a lower number
            double[] groupTotal = new double[groups];
            int[] reachedOutside = new int[groups];
            boolean[] feedsOutside = new boolean[groups];
            double[] ownSum = new double[groups];
            List<List<Integer>> members = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                members.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                members.get(component[i]).add(i);
                ownSum[component[i]] += own[i];
            }
            int[] seenBy = new int[groups];
            Arrays.fill(seenBy, -1);
            for (int g = 0; g < groups; g++) {
                double total = 0;
                int reached = 0;
                for (int i : members.get(g)) {
                    for (int j : out[i]) {
                        int h = component[j];
                        if (h != g && seenBy[h] != g) {
                            seenBy[h] = g;
                            feedsOutside[g] = true;
                            total += groupTotal[h];
                            reached += size[h] + reachedOutside[h];
                        }
                    }
                }
                groupTotal[g] = feedsOutside[g] ? total : ownSum[g];
                reachedOutside[g] = reached;
            }

            List<List<String>> cycles = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                List<Integer> m = members.get(g);
                if (m.size() > 1) {
                    cycles.add(m.stream().map(ids::get).sorted().toList());
                }
            }
            cycles.sort(Comparator.comparing(c -> c.get(0)));

            List<Node> sources = new ArrayList<>();
            List<Node> nodes = new ArrayList<>();
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (out[i].length == 0) {
                    continue;
                }
                int g = component[i];
                Node node = new Node(ids.get(i), revision.get(ids.get(i)).kind(), groupTotal[g], declared[i],
                        reachedOutside[g] + size[g] - 1);
                nodes.add(node);
                if (inDegree[i] == 0) {
                    sources.add(node);
                }
            }
            nodes.sort(Comparator.comparing(Node::id));
            sources.sort(Comparator.comparing(Node::id));
            for (Node source : sources) {
                total += source.total();
            }
            orphans.sort(null);
            String unit = units.isEmpty() ? "" : units.keySet().iterator().next();
            return new Medium(kind, property, unit, total, sources, nodes, cycles, orphans);
        }

        private int number(String id) {
            return numbers.computeIfAbsent(id, k -> {
                ids.add(k);
                return ids.size() - 1;
            });
        }

        /** The object's load, recording its unit (an object of each unit is named in the units map). */
        private PropertyValue.Number load(BuildingObject o, Map<String, String> units) {
            if (o.properties().get(property).orElse(null) instanceof PropertyValue.Number load) {
                units.putIfAbsent(load.unit() == null ? "(none)" : load.unit(), o.id());
                return load;
            }
            return null;
        }
    }

    /** Tarjan's strongly connected components without recursion, so a long chain cannot overflow the stack. */
    static final class StronglyConnected {
        private final int[][] out;

        StronglyConnected(int[][] out) {
            this.out = out;
        }

        /** Each node's component number; a component's successors have lower numbers. */
        int[] components() {
            int n = out.length;
            int[] index = new int[n];
            int[] low = new int[n];
            int[] component = new int[n];
            boolean[] onStack = new boolean[n];
            Arrays.fill(index, -1);
            int[] stack = new int[n];
            int top = 0;
            int[] callNode = new int[n];
            int[] callEdge = new int[n];
            int counter = 0;
            int groups = 0;
            for (int start = 0; start < n; start++) {
                if (index[start] >= 0) {
                    continue;
                }
                int depth = 0;
                callNode[0] = start;
                callEdge[0] = 0;
                index[start] = low[start] = counter++;
                stack[top++] = start;
                onStack[start] = true;
                while (depth >= 0) {
                    int v = callNode[depth];
                    if (callEdge[depth] < out[v].length) {
                        int w = out[v][callEdge[depth]++];
                        if (index[w] < 0) {
                            index[w] = low[w] = counter++;
                            stack[top++] = w;
                            onStack[w] = true;
                            depth++;
                            callNode[depth] = w;
                            callEdge[depth] = 0;
                        } else if (onStack[w]) {
                            low[v] = Math.min(low[v], index[w]);
                        }
                        continue;
                    }
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--top];
                            onStack[w] = false;
                            component[w] = groups;
                        } while (w != v);
                        groups++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
            return component;
        }
    }
}
