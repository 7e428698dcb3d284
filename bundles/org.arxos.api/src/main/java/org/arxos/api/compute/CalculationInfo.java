package org.arxos.api.compute;

/**
 * A running calculation, as users see it.
 *
 * @param name        its {@code arxos.impl} name
 * @param description what it computes and which parameters it takes
 * @param version     its {@link Calculation#version() version}
 */
public record CalculationInfo(String name, String description, String version) {
}
