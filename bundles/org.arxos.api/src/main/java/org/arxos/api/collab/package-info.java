/** Conflict resolution for concurrent edits of one building. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.collab;
