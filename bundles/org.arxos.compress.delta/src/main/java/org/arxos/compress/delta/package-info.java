/**
 * Deltas: a revision against its base as the change set between them, in columns coded against the base ({@link
 * org.arxos.compress.delta.RevisionDeltaCodec}), and any file against its previous version as zstd with that version
 * as reference ({@link org.arxos.compress.delta.BinaryDeltaCodec}). Both name the base they were made against and
 * refuse another.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.compress.delta;
