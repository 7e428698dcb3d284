/**
 * Concurrent editing of one building: operations (change sets with causal metadata), the conflict resolver SPI and
 * what a resolution reports, and the sessions that editors join (presence, undo, catch-up, durable acknowledgement).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.5.0")
package org.arxos.api.collab;
