/** Stores buildings as chains of revisions: the only place that holds building state. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.repository;
