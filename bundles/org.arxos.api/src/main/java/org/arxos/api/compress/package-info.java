/** Compressors for SVG, BIM data and revisions, and the service that calls them. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.compress;
