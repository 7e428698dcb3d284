package org.arxos.io.ifc.internal.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.arxos.io.ifc.internal.step.StepEntity;
import org.arxos.io.ifc.internal.step.StepEnum;
import org.arxos.io.ifc.internal.step.StepTyped;
import org.arxos.model.PropertyValue;

/**
 * Reads property sets (IfcPropertySet) and quantity sets (IfcElementQuantity) into properties named
 * {@code SetName.PropertyName}, converting measures to SI by the file's units.
 */
final class PropertyReader {

    private final IfcModel model;
    private final IfcUnits units;
    private final List<String> notRead = new ArrayList<>();

    private final List<String> warnings;

    PropertyReader(IfcModel model, IfcUnits units, List<String> warnings) {
        this.model = model;
        this.units = units;
        this.warnings = warnings;
    }

    /** Property and quantity entity types met but not read (complex properties, tables, ...), one entry each. */
    List<String> notRead() {
        return notRead;
    }

    /** Adds the properties of one property definition (a set, a quantity set) to {@code out}. */
    void read(StepEntity definition, Map<String, PropertyValue> out) throws IfcMappingException {
        switch (definition.type()) {
            case "IFCPROPERTYSET" -> {
                // IfcPropertySet(GlobalId, OwnerHistory, Name, Description, HasProperties)
                String set = nameOr(model.text(definition, 2), "PropertySet");
                for (StepEntity p : model.refsLenient(definition, 4, warnings)) {
                    property(set, p, out);
                }
            }
            case "IFCELEMENTQUANTITY" -> {
                // IfcElementQuantity(GlobalId, OwnerHistory, Name, Description, MethodOfMeasurement, Quantities)
                String set = nameOr(model.text(definition, 2), "Quantities");
                for (StepEntity q : model.refsLenient(definition, 5, warnings)) {
                    quantity(set, q, out);
                }
            }
            default -> notRead.add(definition.type());
        }
    }

    private void property(String set, StepEntity p, Map<String, PropertyValue> out) throws IfcMappingException {
        String own = nameOr(model.text(p, 0), "#" + p.id());
        String name = set == null ? own : set + "." + own;
        switch (p.type()) {
            case "IFCPROPERTYSINGLEVALUE" -> {
                // IfcPropertySingleValue(Name, Description, NominalValue, Unit)
                if (p.isNull(2)) {
                    return;
                }
                StepEntity unit = model.ref(p, 3);
                PropertyValue v = value(p, p.arguments().get(2), unit);
                if (v != null) {
                    out.put(name, v);
                }
            }
            case "IFCPROPERTYENUMERATEDVALUE", "IFCPROPERTYLISTVALUE" -> {
                // (Name, Description, EnumerationValues | ListValues, ...)
                StringJoiner joined = new StringJoiner(", ");
                for (Object o : model.list(p, 2)) {
                    PropertyValue v = value(p, o, null);
                    if (v != null) {
                        joined.add(text(v));
                    }
                }
                out.put(name, new PropertyValue.Text(joined.toString()));
            }
            case "IFCPROPERTYBOUNDEDVALUE" -> {
                // IfcPropertyBoundedValue(Name, Description, UpperBoundValue, LowerBoundValue, Unit, SetPointValue)
                StepEntity unit = model.ref(p, 4);
                PropertyValue upper = p.isNull(2) ? null : value(p, p.arguments().get(2), unit);
                PropertyValue lower = p.isNull(3) ? null : value(p, p.arguments().get(3), unit);
                if (upper != null) {
                    out.put(name + ".UpperBound", upper);
                }
                if (lower != null) {
                    out.put(name + ".LowerBound", lower);
                }
            }
            default -> notRead.add(p.type());
        }
    }

    /**
     * The value of one property the Arxos exporter wrote ({@code Pset_Arxos}, {@code Pset_ArxosConnection}): a number
     * whose Unit is an IfcContextDependentUnit keeps that unit's name ({@code "W"}) and its value unconverted; any
     * other single value reads as in an ordinary property set. Null for an empty value or another kind of property
     * (those are read by {@link #read} under the set's name).
     */
    PropertyValue arxosValue(StepEntity p) throws IfcMappingException {
        if (p.type() != "IFCPROPERTYSINGLEVALUE" || p.isNull(2)) {
            return null;
        }
        StepEntity unit = model.ref(p, 3);
        Object raw = p.arguments().get(2);
        if (unit != null && unit.type() == "IFCCONTEXTDEPENDENTUNIT" && raw instanceof StepTyped typed
                && typed.arguments().size() == 1 && typed.arguments().get(0) instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw IfcModel.problem(p, "a property value is not a finite number");
            }
            // IfcContextDependentUnit(Dimensions, UnitType, Name)
            model.ref(unit, 0); // read: the dimensions count as kept
            String name = model.text(unit, 2);
            return new PropertyValue.Number(d, name);
        }
        return value(p, raw, unit);
    }

    /** Reads one property of any kind as {@link #read} would, but under its own name, without the set's. */
    void readPlain(StepEntity p, Map<String, PropertyValue> out) throws IfcMappingException {
        property(null, p, out);
    }

    private void quantity(String set, StepEntity q, Map<String, PropertyValue> out) throws IfcMappingException {
        String name = set + "." + nameOr(model.text(q, 0), "#" + q.id());
        // IfcQuantityLength(Name, Description, Unit, LengthValue[, Formula]) and likewise for the others
        StepEntity unit = model.ref(q, 2);
        switch (q.type()) {
            case "IFCQUANTITYLENGTH" -> out.put(name, number(q, unit, units.length(), "m"));
            case "IFCQUANTITYAREA" -> out.put(name, number(q, unit, units.area(), "m2"));
            case "IFCQUANTITYVOLUME" -> out.put(name, number(q, unit, units.volume(), "m3"));
            case "IFCQUANTITYWEIGHT" -> out.put(name, number(q, unit, units.mass(), "kg"));
            case "IFCQUANTITYTIME" -> out.put(name, number(q, unit, 1, "s"));
            case "IFCQUANTITYCOUNT" -> out.put(name, new PropertyValue.Number(model.real(q, 3), null));
            default -> notRead.add(q.type());
        }
    }

    private PropertyValue.Number number(StepEntity q, StepEntity unit, double projectFactor, String si)
            throws IfcMappingException {
        double factor = unit == null ? projectFactor : IfcUnits.factor(model, unit, 0);
        return finite(q, model.real(q, 3) * factor, si);
    }

    /** A typed value such as IFCLABEL('x') or IFCLENGTHMEASURE(2.5) as a property value; null when empty. */
    private PropertyValue value(StepEntity owner, Object raw, StepEntity unit) throws IfcMappingException {
        if (raw instanceof StepTyped typed) {
            if (typed.arguments().size() != 1) {
                return new PropertyValue.Text(typed.type());
            }
            Object v = typed.arguments().get(0);
            String type = typed.type();
            if (v instanceof String s) {
                return new PropertyValue.Text(s);
            }
            if (v instanceof StepEnum e) {
                if (type.equals("IFCBOOLEAN") || type.equals("IFCLOGICAL")) {
                    return switch (e.name()) {
                        case "T" -> new PropertyValue.Flag(true);
                        case "F" -> new PropertyValue.Flag(false);
                        default -> new PropertyValue.Text("UNKNOWN");
                    };
                }
                return new PropertyValue.Text(e.name());
            }
            if (v instanceof Double || v instanceof Long) {
                double d = ((Number) v).doubleValue();
                if (!Double.isFinite(d)) {
                    throw IfcModel.problem(owner, "a property value is not a finite number");
                }
                Measure m = measure(type);
                double factor = unit != null ? IfcUnits.factor(model, unit, 0) : m.factor;
                return finite(owner, d * factor, m.unit);
            }
            return new PropertyValue.Text(String.valueOf(v));
        }
        if (raw instanceof String s) {
            return new PropertyValue.Text(s);
        }
        if (raw instanceof StepEnum e) {
            return new PropertyValue.Text(e.name());
        }
        if (raw instanceof Double || raw instanceof Long) {
            return finite(owner, ((Number) raw).doubleValue(), null);
        }
        return null;
    }

    /** A number property; fails naming the entity when the value (after conversion to SI) is not finite. */
    private static PropertyValue.Number finite(StepEntity owner, double value, String unit) throws IfcMappingException {
        if (!Double.isFinite(value)) {
            throw IfcModel.problem(owner, "a property value is out of range: " + value
                    + (unit == null ? "" : " " + unit));
        }
        return new PropertyValue.Number(value, unit);
    }

    private record Measure(double factor, String unit) {
    }

    private Measure measure(String type) {
        return switch (type) {
            case "IFCLENGTHMEASURE", "IFCPOSITIVELENGTHMEASURE", "IFCNONNEGATIVELENGTHMEASURE" ->
                    new Measure(units.length(), "m");
            case "IFCAREAMEASURE" -> new Measure(units.area(), "m2");
            case "IFCVOLUMEMEASURE" -> new Measure(units.volume(), "m3");
            case "IFCMASSMEASURE", "IFCPOSITIVEMASSMEASURE" -> new Measure(units.mass(), "kg");
            case "IFCPLANEANGLEMEASURE", "IFCPOSITIVEPLANEANGLEMEASURE" -> new Measure(units.planeAngle(), "rad");
            case "IFCTHERMALTRANSMITTANCEMEASURE" -> new Measure(1, "W/(m2.K)");
            case "IFCTHERMALCONDUCTIVITYMEASURE" -> new Measure(1, "W/(m.K)");
            case "IFCPOWERMEASURE" -> new Measure(1, "W");
            case "IFCENERGYMEASURE" -> new Measure(1, "J");
            case "IFCELECTRICCURRENTMEASURE" -> new Measure(1, "A");
            case "IFCELECTRICVOLTAGEMEASURE" -> new Measure(1, "V");
            case "IFCFREQUENCYMEASURE" -> new Measure(1, "Hz");
            case "IFCPRESSUREMEASURE" -> new Measure(1, "Pa");
            case "IFCVOLUMETRICFLOWRATEMEASURE" -> new Measure(1, "m3/s");
            case "IFCMASSDENSITYMEASURE" -> new Measure(1, "kg/m3");
            case "IFCTIMEMEASURE" -> new Measure(1, "s");
            case "IFCLUMINOUSFLUXMEASURE" -> new Measure(1, "lm");
            case "IFCILLUMINANCEMEASURE" -> new Measure(1, "lx");
            case "IFCSOUNDPOWERLEVELMEASURE", "IFCSOUNDPRESSURELEVELMEASURE" -> new Measure(1, "dB");
            default -> new Measure(1, null);
        };
    }

    private static String text(PropertyValue v) {
        if (v instanceof PropertyValue.Text t) {
            return t.value();
        }
        if (v instanceof PropertyValue.Number n) {
            return n.unit() == null ? Double.toString(n.value()) : n.value() + " " + n.unit();
        }
        return Boolean.toString(((PropertyValue.Flag) v).value());
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isEmpty() ? fallback : name;
    }
}
