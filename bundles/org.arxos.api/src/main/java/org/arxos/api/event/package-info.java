/** The event bus: building and revision events between components and server nodes. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.arxos.api.event;
