/** Plan geometry of building objects: footprints on a floor and elevation ranges, in metres. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.model.geometry;
