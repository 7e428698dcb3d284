/** Health contributors: the parts of the per-component status on /health. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.health;
