package org.arxos.generator;

import java.util.regex.Pattern;

/**
 * What to generate.
 *
 * @param seed          the same seed (with the same other settings) always gives the same building
 * @param targetObjects objects plus connections wanted, from {@value #MIN_OBJECTS} to {@value #MAX_OBJECTS}; the
 *                      result lands within 2 % of it (in practice exactly on it)
 * @param buildingId    the id of the building object; must not look like a generated id (see
 *                      {@link SyntheticBuilding})
 * @param buildingName  the building's name, or {@code null} for none
 */
public record GeneratorSettings(long seed, int targetObjects, String buildingId, String buildingName) {

    public static final int MIN_OBJECTS = 100;
    public static final int MAX_OBJECTS = 2_000_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final Pattern GENERATED = Pattern.compile("f\\d.*|b[emp](-.*)?");

    public GeneratorSettings {
        if (targetObjects < MIN_OBJECTS || targetObjects > MAX_OBJECTS) {
            throw new IllegalArgumentException("targetObjects must be between " + MIN_OBJECTS + " and " + MAX_OBJECTS
                    + " (objects plus connections) but was " + targetObjects);
        }
        if (buildingId == null || !ID.matcher(buildingId).matches()) {
            throw new IllegalArgumentException(
                    "buildingId must be 1 to 128 letters, digits or . _ : - but was '" + buildingId + "'");
        }
        if (GENERATED.matcher(buildingId).matches()) {
            throw new IllegalArgumentException("buildingId '" + buildingId
                    + "' would clash with generated ids (f<digit>..., be, bm, bp, be-..., bm-..., bp-...)");
        }
    }

    /** Settings for building {@code "b"} named "Synthetic building". */
    public static GeneratorSettings of(long seed, int targetObjects) {
        return new GeneratorSettings(seed, targetObjects, "b", "Synthetic building");
    }
}
