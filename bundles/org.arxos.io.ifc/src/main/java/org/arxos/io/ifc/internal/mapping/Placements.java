package org.arxos.io.ifc.internal.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arxos.io.ifc.internal.step.StepEntity;

/**
 * Resolves object placements (IfcLocalPlacement chains of IfcAxis2Placement3D/2D) to world transformations, in the
 * file's length unit. Detects cycles and caps the chain length so that a crafted file cannot loop or overflow the
 * stack.
 */
final class Placements {

    /** Longer chains than this are refused; real files nest five to ten deep. */
    static final int MAX_DEPTH = 256;

    private final IfcModel model;
    private final Map<Long, Transform> resolved = new HashMap<>();
    private final List<String> warnings;

    Placements(IfcModel model, List<String> warnings) {
        this.model = model;
        this.warnings = warnings;
    }

    /** The world transformation of an IfcObjectPlacement; identity for {@code null}. */
    Transform world(StepEntity placement) throws IfcMappingException {
        if (placement == null) {
            return Transform.IDENTITY;
        }
        Transform known = resolved.get(placement.id());
        if (known != null) {
            return known;
        }
        // Walk up the chain iteratively, then compose downwards.
        List<StepEntity> chain = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        StepEntity current = placement;
        Transform base = Transform.IDENTITY;
        while (current != null) {
            Transform cached = resolved.get(current.id());
            if (cached != null) {
                base = cached;
                break;
            }
            Integer at = seen.put(current.id(), chain.size());
            if (at != null) {
                StringBuilder names = new StringBuilder();
                for (int i = at; i < chain.size(); i++) {
                    names.append('#').append(chain.get(i).id()).append(" -> ");
                }
                names.append('#').append(current.id());
                throw IfcModel.problem(current, "placement cycle: " + names);
            }
            if (chain.size() >= MAX_DEPTH) {
                throw IfcModel.problem(placement, "placement chain is deeper than " + MAX_DEPTH);
            }
            chain.add(current);
            current = parent(current);
        }
        Transform world = base;
        for (int i = chain.size() - 1; i >= 0; i--) {
            StepEntity p = chain.get(i);
            world = world.then(relative(p));
            resolved.put(p.id(), world);
        }
        return world;
    }

    private StepEntity parent(StepEntity placement) throws IfcMappingException {
        if (placement.type() == "IFCLOCALPLACEMENT") {
            // IfcLocalPlacement(PlacementRelTo, RelativePlacement)
            return model.ref(placement, 0);
        }
        return null;
    }

    private Transform relative(StepEntity placement) throws IfcMappingException {
        switch (placement.type()) {
            case "IFCLOCALPLACEMENT" -> {
                return axisPlacement(model.ref(placement, 1));
            }
            case "IFCGRIDPLACEMENT" -> {
                warnings.add("#" + placement.id() + " IFCGRIDPLACEMENT (line " + placement.line()
                        + ") is not resolved; the object is placed at the origin of its parent");
                return Transform.IDENTITY;
            }
            default -> throw IfcModel.problem(placement, "is not an object placement");
        }
    }

    /** An IfcAxis2Placement3D or IfcAxis2Placement2D (or IfcAxis1Placement) as a transformation. */
    Transform axisPlacement(StepEntity a) throws IfcMappingException {
        if (a == null) {
            return Transform.IDENTITY;
        }
        switch (a.type()) {
            case "IFCAXIS2PLACEMENT3D" -> {
                double[] origin = point3(model.ref(a, 0));
                StepEntity axis = model.ref(a, 1);
                StepEntity ref = model.ref(a, 2);
                double[] z = axis == null ? new double[] {0, 0, 1} : direction(axis);
                double[] x = ref == null ? new double[] {1, 0, 0} : direction(ref);
                if (axis == null && ref == null && origin[0] == 0 && origin[1] == 0 && origin[2] == 0) {
                    return Transform.IDENTITY;
                }
                return Transform.frame(origin, x, z);
            }
            case "IFCAXIS2PLACEMENT2D" -> {
                double[] origin = point3(model.ref(a, 0));
                StepEntity ref = model.ref(a, 1);
                double[] x = ref == null ? new double[] {1, 0, 0} : direction(ref);
                return Transform.frame(origin, new double[] {x[0], x.length > 1 ? x[1] : 0, 0}, new double[] {0, 0, 1});
            }
            case "IFCAXIS1PLACEMENT" -> {
                double[] origin = point3(model.ref(a, 0));
                return Transform.frame(origin, new double[] {1, 0, 0}, new double[] {0, 0, 1});
            }
            default -> throw IfcModel.problem(a, "is not an axis placement");
        }
    }

    double[] point3(StepEntity p) throws IfcMappingException {
        if (p == null) {
            return new double[3];
        }
        double[] c = model.point(p);
        return new double[] {c[0], c.length > 1 ? c[1] : 0, c.length > 2 ? c[2] : 0};
    }

    double[] direction(StepEntity d) throws IfcMappingException {
        if (d.type() != "IFCDIRECTION") {
            throw IfcModel.problem(d, "expected an IFCDIRECTION");
        }
        double[] r = model.reals(d, 0);
        if (r.length < 2 || r.length > 3) {
            throw IfcModel.problem(d, "a direction has 2 or 3 ratios, this one " + r.length);
        }
        return new double[] {r[0], r[1], r.length > 2 ? r[2] : 0};
    }
}
