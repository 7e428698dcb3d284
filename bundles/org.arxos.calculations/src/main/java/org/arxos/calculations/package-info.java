/**
 * The results of the building calculations ({@code takeoff}, {@code clash}, {@code loads}, {@code egress},
 * {@code clearance}): immutable, serializable records of numbers, strings and lists, sorted so that equal inputs give
 * equal results on any engine. Their definitions are in {@code docs/calculations.md}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.calculations;
