/** Grouping strategies: hierarchy views over a revision (containment, spatial, by system, functional). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.grouping;
