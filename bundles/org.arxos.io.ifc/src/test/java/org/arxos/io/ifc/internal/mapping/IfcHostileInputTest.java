package org.arxos.io.ifc.internal.mapping;

import static org.arxos.io.ifc.internal.mapping.IfcMappingTest.BODY;
import static org.arxos.io.ifc.internal.mapping.IfcMappingTest.file;
import static org.arxos.io.ifc.internal.mapping.IfcMappingTest.lineOf;
import static org.arxos.io.ifc.internal.mapping.IfcMappingTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the classes of input the importer fuzzer ({@code releng/fuzz}) found: reference cycles that
 * overflowed the stack, an arc that looped forever, and bad input that surfaced as a wrapped NullPointerException or
 * IllegalArgumentException. Each must end quickly with an {@link ImportException} naming the entity, its line and what
 * is wrong. Small hand-written files, not the fuzzer's: the wall {@code #30} of {@link IfcMappingTest#BODY} (lengths in
 * millimetres) gets a different body representation {@code #41}.
 */
class IfcHostileInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private static final String WALL_BODY = "#41=IFCSHAPEREPRESENTATION($,'Body','SweptSolid',(#42));";

    /** BODY with the wall's body representation holding {@code items} instead, and {@code extra} entities added. */
    private static String wallWith(String items, String extra) {
        return file("IFC4", BODY.replace(WALL_BODY, "#41=IFCSHAPEREPRESENTATION($,'Body','Model',(" + items + "));")
                + extra);
    }

    /** The import fails, within 5 s, with exactly {@code t.ifc:<line of entity> (<entity>): <problem>}. */
    private static void failsWith(String text, String entity, String problem) {
        ImportException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(ImportException.class, () -> read(text, ImportOptions.of("t.ifc"))));
        String id = entity.substring(0, entity.indexOf(' '));
        long line = lineOf(text, id + "=");
        assertEquals("t.ifc:" + line + " (" + entity + "): " + problem, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(entity, e.field());
    }

    private static ImportResult imports(String text) {
        return assertTimeoutPreemptively(QUICKLY, () -> read(text, ImportOptions.of("t.ifc")));
    }

    // ------------------------------------------------------------------------------------- CRASH: reference cycles

    @Test
    void materialLayerSetCycle() {
        // the fuzzer's step-cycle(#21971<->#21970): a layer whose material is its own layer set
        failsWith(file("IFC4", BODY + """
                #100=IFCMATERIALLAYERSET((#101),'Wall',$);
                #101=IFCMATERIALLAYER(#100,200.,$);
                #102=IFCRELASSOCIATESMATERIAL('0Mat000000000000000001',$,$,$,(#30),#100);
                """), "#100 IFCMATERIALLAYERSET",
                "material definitions refer to each other in a cycle: #100 -> #101 -> #100");
    }

    @Test
    void materialUsageCycle() {
        // step-cycle(#5715<->#4202): a layer set listing the usage that refers to it
        failsWith(file("IFC4", BODY + """
                #100=IFCMATERIALLAYERSETUSAGE(#101,.AXIS2.,.POSITIVE.,0.);
                #101=IFCMATERIALLAYERSET((#100),'Wall',$);
                #102=IFCRELASSOCIATESMATERIAL('0Mat000000000000000001',$,$,$,(#30),#100);
                """), "#100 IFCMATERIALLAYERSETUSAGE",
                "material definitions refer to each other in a cycle: #100 -> #101 -> #100");
    }

    @Test
    void mappedItemCycle() {
        failsWith(wallWith("#200", """
                #200=IFCMAPPEDITEM(#201,$);
                #201=IFCREPRESENTATIONMAP(#12,#202);
                #202=IFCSHAPEREPRESENTATION($,'Body','MappedRepresentation',(#42,#200));
                """), "#200 IFCMAPPEDITEM",
                "representation items refer to each other in a cycle: #200 -> #201 -> #202 -> #200");
    }

    @Test
    void booleanResultCycle() {
        failsWith(wallWith("#210", """
                #210=IFCBOOLEANCLIPPINGRESULT(.DIFFERENCE.,#211,#42);
                #211=IFCBOOLEANRESULT(.UNION.,#210,#42);
                """), "#210 IFCBOOLEANCLIPPINGRESULT",
                "representation items refer to each other in a cycle: #210 -> #211 -> #210");
    }

    @Test
    void compositeCurveCycle() {
        failsWith(wallWith("#220", """
                #220=IFCCOMPOSITECURVE((#221),.F.);
                #221=IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.,#220);
                """), "#220 IFCCOMPOSITECURVE",
                "representation items refer to each other in a cycle: #220 -> #220");
    }

    @Test
    void sharedItemsThatExpandExponentiallyAreRefused() {
        // no cycle: each composite curve uses the next one twice, 40 deep, so the wall would have 2^40 points
        StringBuilder b = new StringBuilder();
        int levels = 40;
        for (int k = 0; k < levels; k++) {
            int curve = 300 + 2 * k, segment = curve + 1;
            b.append('#').append(curve).append("=IFCCOMPOSITECURVE((#").append(segment).append(",#").append(segment)
                    .append("),.F.);\n");
            b.append('#').append(segment).append("=IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.,#").append(curve + 2)
                    .append(");\n");
        }
        b.append('#').append(300 + 2 * levels).append("=IFCPOLYLINE((#13,#45));\n");
        failsWith(wallWith("#300", b.toString()), "#30 IFCWALL",
                "its representation expands to more than 5000000 points"
                        + " (representation items shared over and over?)");
    }

    // ----------------------------------------------------------------------------------- HANG: arcs and radii

    @Test
    void hugeTrimParameterEndsQuickly() throws Exception {
        // the fuzzer's step-number(90.0000000000001 -> 1.7976931348623157E308) in a trim: sampling the arc added
        // full turns to a sweep of -1.8E308 until it became positive, which never happens
        ImportResult result = imports(wallWith("#230,#232", """
                #230=IFCTRIMMEDCURVE(#231,(IFCPARAMETERVALUE(1.7976931348623157E308)),(IFCPARAMETERVALUE(3.)),.T.,.PARAMETER.);
                #231=IFCCIRCLE(#44,500.);
                #232=IFCTRIMMEDCURVE(#231,(IFCPARAMETERVALUE(-1.7976931348623157E308)),(IFCPARAMETERVALUE(1.7976931348623157E308)),.F.,.PARAMETER.);
                """));
        BuildingObject wall = Revision.EMPTY.apply(result.content()).get("0Wall0000000000000-001");
        assertNotNull(wall.footprint());
    }

    @Test
    void hugeRadius() {
        failsWith(wallWith("#230", """
                #230=IFCTRIMMEDCURVE(#231,(IFCPARAMETERVALUE(0.)),(IFCPARAMETERVALUE(3.)),.T.,.PARAMETER.);
                #231=IFCCIRCLE(#44,1.7976931348623157E308);
                """), "#231 IFCCIRCLE", "argument 1 (Radius) 1.7976931348623157E308 is out of range: more than 1.0E7 m");
    }

    @Test
    void hugeExtrusionDepth() {
        failsWith(file("IFC4", BODY.replace("#42=IFCEXTRUDEDAREASOLID(#43,$,#34,2500.);",
                "#42=IFCEXTRUDEDAREASOLID(#43,$,#34,1.E300);")), "#42 IFCEXTRUDEDAREASOLID",
                "argument 3 (Depth) 1.0E300 is out of range: more than 1.0E7 m");
    }

    // ------------------------------------------------------------------- MASKED: missing and wrong-typed entities

    @Test
    void representationMapWithoutItsRepresentation() {
        // the fuzzer's step-drop-argument(#166): a NullPointerException "because e is null"
        failsWith(wallWith("#200", """
                #200=IFCMAPPEDITEM(#201,$);
                #201=IFCREPRESENTATIONMAP(#12);
                """), "#201 IFCREPRESENTATIONMAP", "argument 1 (MappedRepresentation) is missing");
        failsWith(wallWith("#200", """
                #200=IFCMAPPEDITEM(#201,$);
                #201=IFCREPRESENTATIONMAP(#12,$);
                """), "#201 IFCREPRESENTATIONMAP", "argument 1 (MappedRepresentation) is not set");
    }

    @Test
    void mappedItemOfTheWrongType() {
        failsWith(wallWith("#200", """
                #200=IFCMAPPEDITEM(#13,$);
                """), "#200 IFCMAPPEDITEM",
                "argument 0 (MappingSource) should be IFCREPRESENTATIONMAP but #13 is IFCCARTESIANPOINT");
    }

    @Test
    void missingOperandsAndDirections() {
        failsWith(wallWith("#210", """
                #210=IFCBOOLEANCLIPPINGRESULT(.DIFFERENCE.,$,#42);
                """), "#210 IFCBOOLEANCLIPPINGRESULT", "argument 1 (FirstOperand) is not set");
        failsWith(file("IFC4", BODY.replace("#42=IFCEXTRUDEDAREASOLID(#43,$,#34,2500.);",
                "#42=IFCEXTRUDEDAREASOLID(#43,$,$,2500.);")), "#42 IFCEXTRUDEDAREASOLID",
                "argument 2 (ExtrudedDirection) is not set");
    }

    // ------------------------------------------------------------------- MASKED: coordinates out of range

    @Test
    void hugeCoordinate() {
        // the fuzzer's step-geometry(IFCCARTESIANPOINT(...) -> 3.5E38,0.,0.): "bounds must be finite: Infinity,..."
        failsWith(file("IFC4", BODY.replace("#33=IFCCARTESIANPOINT((1000.,0.,0.));",
                "#33=IFCCARTESIANPOINT((3.5E38,0.,0.));")), "#33 IFCCARTESIANPOINT",
                "coordinate 3.5E38 is out of range: more than 1.0E7 m");
        // the limit is in metres: 2E10 mm is 20,000 km
        failsWith(file("IFC4", BODY.replace("#45=IFCCARTESIANPOINT((2000.,100.));",
                "#45=IFCCARTESIANPOINT((2.E10,100.));")), "#45 IFCCARTESIANPOINT",
                "coordinate 2.0E10 is out of range: more than 1.0E7 m");
    }

    @Test
    void largeButPlausibleCoordinatesAreRead() throws Exception {
        // map coordinates: 5,000 km north in millimetres
        ImportResult result = imports(file("IFC4", BODY.replace("#33=IFCCARTESIANPOINT((1000.,0.,0.));",
                "#33=IFCCARTESIANPOINT((1000.,5.E9,0.));")));
        BuildingObject wall = Revision.EMPTY.apply(result.content()).get("0Wall0000000000000-001");
        assertEquals(5.0e6f, wall.footprint().bounds().minY(), 1.0f);
    }

    @Test
    void scalesThatAddUpTooFar() {
        // every coordinate is in range, the mapping operator's scale is not
        failsWith(wallWith("#200", """
                #200=IFCMAPPEDITEM(#201,#203);
                #201=IFCREPRESENTATIONMAP(#12,#202);
                #202=IFCSHAPEREPRESENTATION($,'Body','SweptSolid',(#42));
                #203=IFCCARTESIANTRANSFORMATIONOPERATOR3D($,$,#13,1.E300,$);
                """), "#30 IFCWALL", "its geometry reaches x = -2.0E299 m, out of range: more than 1.0E7 m"
                        + " (placements, scales or dimensions that add up too far?)");
    }

    @Test
    void hugeStoreyElevation() {
        // the fuzzer's "elevation range must be finite with bottom <= top: Infinity..Infinity"
        failsWith(file("IFC4", BODY.replace(".ELEMENT.,3000.);", ".ELEMENT.,1.E308);")), "#20 IFCBUILDINGSTOREY",
                "argument 9 (Elevation) 1.0E305 m is out of range: more than 1.0E7 m");
    }

    @Test
    void propertyValueOutOfRange() {
        // 1E308 km in metres does not fit a double
        failsWith(file("IFC4", BODY.replace("IFCLENGTHMEASURE(200.),$);", "IFCLENGTHMEASURE(1.E308),#99);")
                + "#99=IFCSIUNIT(*,.LENGTHUNIT.,.KILO.,.METRE.);\n"),
                "#53 IFCPROPERTYSINGLEVALUE", "a property value is out of range: Infinity m");
    }

    // ------------------------------------------------------------------------------------------- last resort

    @Test
    void unexpectedRuntimeExceptionsGetANeutralMessageAndKeepTheirCause() {
        // not bad input: a progress listener that throws stands for a defect the mapping did not foresee
        ImportException e = assertThrows(ImportException.class, () -> read(file("IFC4", BODY),
                new ImportOptions("t.ifc", null, "me", 100, n -> {
                    throw new IllegalStateException("listener failed");
                })));
        assertEquals("t.ifc: cannot map the file: an unexpected internal error occurred (details are in the log at"
                + " debug level)", e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }
}
