package org.arxos.fuzz;

import java.util.Locale;

import org.arxos.api.io.BuildingImporter;

/** What can be fuzzed: an importer, found by class name so that a module still being written is simply absent. */
public enum Target {

    IFC("org.arxos.io.ifc.internal.IfcBuildingImporter", "ifc"),
    SVG("org.arxos.io.svg.internal.SvgBuildingImporter", "svg"),
    JSON("org.arxos.io.json.internal.JsonBuildingImporter", "json");

    private final String importerClass;
    private final String extension;

    Target(String importerClass, String extension) {
        this.importerClass = importerClass;
        this.extension = extension;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extension;
    }

    public static Target of(String id) {
        try {
            return valueOf(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown target '" + id + "': use ifc, svg or json");
        }
    }

    /**
     * The importer's class, or {@code null} when it is not on the class path: the known name first, then any class
     * of {@code org.arxos.io.<target>.internal} that implements {@link BuildingImporter}.
     */
    public Class<? extends BuildingImporter> importerClass() {
        for (String name : candidates()) {
            Class<? extends BuildingImporter> c = load(name);
            if (c != null) {
                return c;
            }
        }
        for (String name : ClassScan.classesIn("org.arxos.io." + id() + ".internal")) {
            Class<? extends BuildingImporter> c = load(name);
            if (c != null && !c.isInterface() && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                return c;
            }
        }
        return null;
    }

    private static Class<? extends BuildingImporter> load(String name) {
        try {
            Class<?> c = Class.forName(name, false, Target.class.getClassLoader());
            return BuildingImporter.class.isAssignableFrom(c) ? c.asSubclass(BuildingImporter.class) : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    public boolean available() {
        return importerClass() != null;
    }

    private String[] candidates() {
        // The SVG importer's class name was not settled when this was written: try the likely ones.
        if (this == SVG) {
            return new String[] {importerClass, "org.arxos.io.svg.internal.SvgImporter",
                    "org.arxos.io.svg.internal.SvgFloorPlanImporter", "org.arxos.io.svg.internal.SvgPlanImporter"};
        }
        return new String[] {importerClass};
    }

    /** A new importer, as Declarative Services would make it: no-argument constructor, then an argument-less activate. */
    public BuildingImporter newImporter() {
        Class<? extends BuildingImporter> c = importerClass();
        if (c == null) {
            throw new IllegalStateException("the " + id() + " importer (" + importerClass + ") is not on the class path");
        }
        try {
            var constructor = c.getDeclaredConstructor();
            constructor.setAccessible(true);
            BuildingImporter importer = constructor.newInstance();
            for (var m : c.getDeclaredMethods()) {
                if (m.getName().equals("activate")) {
                    m.setAccessible(true);
                    if (m.getParameterCount() == 0) {
                        m.invoke(importer);
                    } else if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == java.util.Map.class) {
                        m.invoke(importer, java.util.Map.of());
                    }
                }
            }
            return importer;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + c.getName() + ": " + e, e);
        }
    }
}
