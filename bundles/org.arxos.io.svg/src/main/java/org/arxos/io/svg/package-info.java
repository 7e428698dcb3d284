/**
 * SVG floor plans: import through Batik with mapping rules, and export of a building, a floor or a zone as SVG that
 * re-imports to the same objects. The format and the rules are described in {@code docs/formats/svg.md}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.io.svg;
