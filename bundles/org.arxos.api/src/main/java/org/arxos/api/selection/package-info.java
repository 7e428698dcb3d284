/** Which implementation of each SPI serves: ranking, pinning and hot swap. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.selection;
