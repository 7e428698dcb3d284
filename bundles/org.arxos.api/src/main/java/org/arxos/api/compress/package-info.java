/** Compressors for SVG, BIM data and revisions. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.compress;
