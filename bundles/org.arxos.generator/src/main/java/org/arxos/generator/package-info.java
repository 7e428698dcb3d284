/** Seeded synthetic buildings with realistic proportions, for scale tests and benchmarks. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.generator;
