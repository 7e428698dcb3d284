package org.arxos.io.ifc.internal.step;

import java.util.List;

/**
 * The HEADER section: FILE_DESCRIPTION, FILE_NAME and FILE_SCHEMA. Strings absent from the file are empty, lists
 * absent are empty.
 *
 * @param schemas upper case, e.g. {@code ["IFC2X3"]}, {@code ["IFC4"]}, {@code ["IFC4X3_ADD2"]}
 */
public record StepHeader(List<String> description, String implementationLevel, String name, String timeStamp,
        List<String> author, List<String> organization, String preprocessorVersion, String originatingSystem,
        String authorization, List<String> schemas) {

    public StepHeader {
        description = List.copyOf(description);
        author = List.copyOf(author);
        organization = List.copyOf(organization);
        schemas = List.copyOf(schemas);
    }

    /** A header for a file this project writes. */
    public static StepHeader of(String name, String timeStamp, String originatingSystem, String schema,
            String viewDefinition) {
        return new StepHeader(List.of("ViewDefinition [" + viewDefinition + "]"), "2;1", name, timeStamp,
                List.of(""), List.of(""), originatingSystem, originatingSystem, "", List.of(schema));
    }

    /** The first schema, e.g. {@code "IFC4"}. */
    public String schema() {
        return schemas.isEmpty() ? "" : schemas.get(0);
    }
}
