/** Renderers: draw a viewport of a floor at a zoom level. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.render;
