/** The calculation cache and its tiers (memory, Redis, disk, database). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.arxos.api.cache;
