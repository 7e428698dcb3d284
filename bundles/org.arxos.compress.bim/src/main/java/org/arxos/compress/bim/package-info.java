/**
 * The BIM form of a building revision: its content in columns (dictionary-coded strings, compact ids, the tree as
 * child counts, predicted and quantised coordinates, property columns per name) under zstd. {@link
 * org.arxos.compress.bim.BimCodec} encodes and decodes revisions directly.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.compress.bim;
