/** Compute engines (local, distributed) and the building calculations they run. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.compute;
