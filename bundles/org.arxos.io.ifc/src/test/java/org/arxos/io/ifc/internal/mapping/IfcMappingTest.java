package org.arxos.io.ifc.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.io.ifc.internal.IfcBuildingImporter;
import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Polygon;
import org.junit.jupiter.api.Test;

/** The mapping on small hand-made files: units, placements, ports, psets, and bad input. */
class IfcMappingTest {

    /** A storey at 3 m (in millimetres) with a 4 x 2 m wall rotated by 90 degrees, a duct and a terminal on ports. */
    static final String BODY = """
            #1=IFCPROJECT('0Proj00000000000000001',$,'P',$,$,$,$,$,#2);
            #2=IFCUNITASSIGNMENT((#3));
            #3=IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.);
            #10=IFCBUILDING('0Bldg00000000000000001',$,'B',$,$,#11,$,$,.ELEMENT.,$,$,$);
            #11=IFCLOCALPLACEMENT($,#12);
            #12=IFCAXIS2PLACEMENT3D(#13,$,$);
            #13=IFCCARTESIANPOINT((0.,0.,0.));
            #20=IFCBUILDINGSTOREY('0Stry00000000000000001',$,'L1',$,$,#21,$,$,.ELEMENT.,3000.);
            #21=IFCLOCALPLACEMENT(#11,#22);
            #22=IFCAXIS2PLACEMENT3D(#23,$,$);
            #23=IFCCARTESIANPOINT((0.,0.,3000.));
            #24=IFCRELAGGREGATES('0Agg000000000000000001',$,$,$,#10,(#20));
            #30=IFCWALL('0Wall0000000000000$001',$,'W',$,$,#31,#40,$,$);
            #31=IFCLOCALPLACEMENT(#21,#32);
            #32=IFCAXIS2PLACEMENT3D(#33,#34,#35);
            #33=IFCCARTESIANPOINT((1000.,0.,0.));
            #34=IFCDIRECTION((0.,0.,1.));
            #35=IFCDIRECTION((0.,1.,0.));
            #40=IFCPRODUCTDEFINITIONSHAPE($,$,(#41));
            #41=IFCSHAPEREPRESENTATION($,'Body','SweptSolid',(#42));
            #42=IFCEXTRUDEDAREASOLID(#43,$,#34,2500.);
            #43=IFCRECTANGLEPROFILEDEF(.AREA.,$,#44,4000.,200.);
            #44=IFCAXIS2PLACEMENT2D(#45,$);
            #45=IFCCARTESIANPOINT((2000.,100.));
            #50=IFCRELCONTAINEDINSPATIALSTRUCTURE('0Cont00000000000000001',$,$,$,(#30,#60,#70),#20);
            #51=IFCPROPERTYSET('0Pset00000000000000001',$,'Pset_WallCommon',$,(#52,#53));
            #52=IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(.T.),$);
            #53=IFCPROPERTYSINGLEVALUE('Width',$,IFCLENGTHMEASURE(200.),$);
            #54=IFCRELDEFINESBYPROPERTIES('0Defs00000000000000001',$,$,$,(#30),#51);
            #60=IFCDUCTSEGMENT('0Duct00000000000000001',$,'D',$,$,#31,$,$,$);
            #70=IFCAIRTERMINAL('0Term00000000000000001',$,'T',$,$,#31,$,$,$);
            #61=IFCDISTRIBUTIONPORT('0Prt100000000000000001',$,'out',$,$,$,$,.SOURCE.,$,$);
            #71=IFCDISTRIBUTIONPORT('0Prt200000000000000001',$,'in',$,$,$,$,.SINK.,$,$);
            #62=IFCRELNESTS('0Nst100000000000000001',$,$,$,#60,(#61));
            #72=IFCRELNESTS('0Nst200000000000000001',$,$,$,#70,(#71));
            #80=IFCRELCONNECTSPORTS('0Conn00000000000000001',$,$,$,#71,#61,$);
            #90=IFCDISTRIBUTIONSYSTEM('0Syst00000000000000001',$,'Supply',$,$,$,.VENTILATION.);
            #91=IFCRELASSIGNSTOGROUP('0Grp000000000000000001',$,$,$,(#60,#70),$,#90);
            #92=IFCRELSERVICESBUILDINGS('0Srv000000000000000001',$,$,$,#90,(#10));
            """;

    static String file(String schema, String body) {
        return "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\nFILE_NAME('t.ifc','',(''),(''),'','','');\n"
                + "FILE_SCHEMA(('" + schema + "'));\nENDSEC;\nDATA;\n" + body + "ENDSEC;\nEND-ISO-10303-21;\n";
    }

    static ImportResult read(String text, ImportOptions options) throws Exception {
        return new IfcBuildingImporter().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                options);
    }

    static long lineOf(String text, String start) {
        return text.substring(0, text.indexOf(start)).chars().filter(c -> c == '\n').count() + 1;
    }

    static ImportException fails(String text) {
        return assertThrows(ImportException.class, () -> read(text, ImportOptions.of("t.ifc")));
    }

    @Test
    void mapsUnitsPlacementsPropertiesSystemsAndPorts() throws Exception {
        AtomicLong progress = new AtomicLong();
        ImportResult result = read(file("IFC4", BODY),
                new ImportOptions("t.ifc", null, "me", 100, progress::set));
        Revision r = Revision.EMPTY.apply(result.content());
        assertEquals("0Bldg00000000000000001", r.root().orElseThrow().id());
        BuildingObject floor = r.get("0Stry00000000000000001");
        assertEquals(3.0f, floor.elevation().bottom(), 1e-6);

        BuildingObject wall = r.get("0Wall0000000000000-001"); // '$' is not an id character
        assertEquals(ObjectType.COMPONENT, wall.type());
        assertEquals("ifcwall", wall.kind());
        assertEquals(floor.id(), wall.parentId());
        // Profile 0..4 m along local x, 0..0.2 m along local y; local x is world y; placed at x = 1 m.
        Polygon p = assertInstanceOf(Polygon.class, wall.footprint());
        assertEquals(0.8f, p.bounds().minX(), 1e-5);
        assertEquals(1.0f, p.bounds().maxX(), 1e-5);
        assertEquals(0.0f, p.bounds().minY(), 1e-5);
        assertEquals(4.0f, p.bounds().maxY(), 1e-5);
        assertEquals(3.0f, wall.elevation().bottom(), 1e-5);
        assertEquals(5.5f, wall.elevation().top(), 1e-5);
        assertEquals(new PropertyValue.Flag(true), wall.properties().get("Pset_WallCommon.IsExternal").orElseThrow());
        assertEquals(new PropertyValue.Number(0.2, "m"), wall.properties().get("Pset_WallCommon.Width").orElseThrow());

        BuildingObject system = r.get("0Syst00000000000000001");
        assertEquals("mechanical", system.kind());
        assertEquals(r.root().orElseThrow().id(), system.parentId());
        BuildingObject duct = r.get("0Duct00000000000000001");
        assertEquals(system.id(), duct.parentId());
        assertEquals(new PropertyValue.Text(floor.id()), duct.properties().get("containedIn").orElseThrow());

        Connection c = r.connection("0Conn00000000000000001").orElseThrow();
        assertEquals("ports", c.kind());
        assertEquals("0Duct00000000000000001", c.fromId()); // the SOURCE port's element is upstream
        assertEquals("0Term00000000000000001", c.toId());
        assertEquals(r.objectCount() + r.connectionCount(), progress.get());
        assertEquals(1, result.report().mapped().get("IFCRELCONNECTSPORTS"));
        assertTrue(result.report().kept().containsKey("IFCDISTRIBUTIONPORT"));
    }

    @Test
    void enforcesTheObjectLimit() {
        ImportException e = assertThrows(ImportException.class,
                () -> read(file("IFC4", BODY), new ImportOptions("t.ifc", null, "", 3)));
        assertTrue(e.getMessage().contains("maxObjects"), e.getMessage());
    }

    @Test
    void truncatedFile() {
        String text = file("IFC4", BODY);
        ImportException e = fails(text.substring(0, text.indexOf("#30=") + 20));
        assertTrue(e.line() > 0, e.getMessage());
    }

    @Test
    void unknownSchema() {
        ImportException e = fails(file("IFC9", BODY));
        assertTrue(e.line() > 0, e.getMessage());
    }

    @Test
    void missingReferencedEntity() {
        ImportException e = fails(file("IFC4", BODY.replace("#31=IFCLOCALPLACEMENT(#21,#32);",
                "#31=IFCLOCALPLACEMENT(#21,#999);")));
        assertTrue(e.getMessage().contains("#999"), e.getMessage());
        assertEquals(lineOf(file("IFC4", BODY), "#31="), e.line(), e.getMessage());
    }

    @Test
    void placementCycle() {
        ImportException e = fails(file("IFC4", BODY.replace("#21=IFCLOCALPLACEMENT(#11,#22);",
                "#21=IFCLOCALPLACEMENT(#31,#22);")));
        assertTrue(e.getMessage().contains("placement cycle"), e.getMessage());
        assertTrue(e.line() > 0, e.getMessage());
    }

    @Test
    void nonNumericCoordinates() {
        ImportException e = fails(file("IFC4", BODY.replace("#33=IFCCARTESIANPOINT((1000.,0.,0.));",
                "#33=IFCCARTESIANPOINT(('x',0.,0.));")));
        assertTrue(e.getMessage().contains("#33"), e.getMessage());
        assertEquals(lineOf(file("IFC4", BODY), "#33="), e.line(), e.getMessage());
    }
}
