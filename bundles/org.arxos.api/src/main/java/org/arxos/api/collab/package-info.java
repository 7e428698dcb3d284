/**
 * Concurrent editing of one building: operations (change sets with causal metadata), the conflict resolver SPI and
 * what a resolution reports.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.arxos.api.collab;
