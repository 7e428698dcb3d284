package org.arxos.io.ifc.internal.mapping;

import java.util.List;

import org.arxos.io.ifc.internal.step.StepEntity;
import org.arxos.io.ifc.internal.step.StepTyped;

/**
 * The project's units as factors to SI: lengths to metres, areas to square metres, volumes to cubic metres, masses to
 * kilograms, plane angles to radians. Units the file does not assign are SI (metre, square metre, ..., radian).
 */
record IfcUnits(double length, double area, double volume, double mass, double planeAngle) {

    static final IfcUnits SI = new IfcUnits(1, 1, 1, 1, 1);

    /** Reads the IfcUnitAssignment of the project (the first one in the file), or SI when there is none. */
    static IfcUnits of(IfcModel model) throws IfcMappingException {
        StepEntity project = first(model, "IFCPROJECT");
        StepEntity assignment = null;
        if (project != null) {
            model.markUsed(project);
            assignment = model.ref(project, 8);
        }
        if (assignment == null) {
            assignment = first(model, "IFCUNITASSIGNMENT");
        }
        if (assignment == null) {
            return SI;
        }
        model.markUsed(assignment);
        double length = 1, area = 1, volume = 1, mass = 1, angle = 1;
        for (StepEntity unit : model.refs(assignment, 0)) {
            String kind = unitType(model, unit);
            if (kind == null) {
                continue;
            }
            double f = factor(model, unit, 0);
            if (kind.equals("LENGTHUNIT") || kind.equals("AREAUNIT") || kind.equals("VOLUMEUNIT")
                    || kind.equals("MASSUNIT") || kind.equals("PLANEANGLEUNIT")) {
                if (!(f > 0) || !Double.isFinite(f)) {
                    throw IfcModel.problem(unit, "a " + kind + " must convert to SI by a positive factor, this one by " + f);
                }
            }
            switch (kind) {
                case "LENGTHUNIT" -> length = f;
                case "AREAUNIT" -> area = f;
                case "VOLUMEUNIT" -> volume = f;
                case "MASSUNIT" -> mass = f;
                case "PLANEANGLEUNIT" -> angle = f;
                default -> { }
            }
        }
        return new IfcUnits(length, area, volume, mass, angle);
    }

    /** The factor of any named unit (an IfcSIUnit, IfcConversionBasedUnit), or 1 for units it does not know. */
    static double factor(IfcModel model, StepEntity unit, int depth) throws IfcMappingException {
        if (depth > 8) {
            throw IfcModel.problem(unit, "unit conversions nest more than 8 deep");
        }
        switch (unit.type()) {
            case "IFCSIUNIT" -> {
                // IfcSIUnit(Dimensions, UnitType, Prefix, Name)
                String prefix = model.enumName(unit, 2);
                String name = model.enumName(unit, 3);
                double p = prefix(prefix);
                double base = "GRAM".equals(name) ? 0.001 : 1; // the SI base unit of mass is the kilogram
                int power = "SQUARE_METRE".equals(name) ? 2 : "CUBIC_METRE".equals(name) ? 3 : 1;
                return Math.pow(p, power) * base;
            }
            case "IFCCONVERSIONBASEDUNIT", "IFCCONVERSIONBASEDUNITWITHOFFSET" -> {
                // IfcConversionBasedUnit(Dimensions, UnitType, Name, ConversionFactor: IfcMeasureWithUnit)
                StepEntity measure = model.ref(unit, 3);
                if (measure == null) {
                    return 1;
                }
                // IfcMeasureWithUnit(ValueComponent, UnitComponent)
                double value = valueOf(model, measure, 0);
                StepEntity inner = model.ref(measure, 1);
                double f = inner == null ? value : value * factor(model, inner, depth + 1);
                if (!Double.isFinite(f)) {
                    throw IfcModel.problem(unit, "the conversion factor " + f + " is out of range");
                }
                return f;
            }
            default -> {
                return 1;
            }
        }
    }

    private static double valueOf(IfcModel model, StepEntity e, int i) throws IfcMappingException {
        Object v = e.isNull(i) ? null : e.arguments().get(i);
        if (v instanceof StepTyped t && t.arguments().size() == 1) {
            v = t.arguments().get(0);
        }
        if (v instanceof Double d && Double.isFinite(d)) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        throw IfcModel.problem(e, "argument " + i + " should be a finite number");
    }

    private static String unitType(IfcModel model, StepEntity unit) throws IfcMappingException {
        return switch (unit.type()) {
            case "IFCSIUNIT", "IFCCONVERSIONBASEDUNIT", "IFCCONVERSIONBASEDUNITWITHOFFSET", "IFCCONTEXTDEPENDENTUNIT" ->
                    model.enumName(unit, 1);
            default -> null;
        };
    }

    static double prefix(String prefix) {
        if (prefix == null) {
            return 1;
        }
        return switch (prefix) {
            case "EXA" -> 1e18;
            case "PETA" -> 1e15;
            case "TERA" -> 1e12;
            case "GIGA" -> 1e9;
            case "MEGA" -> 1e6;
            case "KILO" -> 1e3;
            case "HECTO" -> 1e2;
            case "DECA" -> 1e1;
            case "DECI" -> 1e-1;
            case "CENTI" -> 1e-2;
            case "MILLI" -> 1e-3;
            case "MICRO" -> 1e-6;
            case "NANO" -> 1e-9;
            case "PICO" -> 1e-12;
            case "FEMTO" -> 1e-15;
            case "ATTO" -> 1e-18;
            default -> 1;
        };
    }

    private static StepEntity first(IfcModel model, String type) {
        List<StepEntity> list = model.file().entitiesOfType(type);
        return list.isEmpty() ? null : list.get(0);
    }
}
