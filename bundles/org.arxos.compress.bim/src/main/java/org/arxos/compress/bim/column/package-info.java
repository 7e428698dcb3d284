/**
 * The column coders the BIM and delta encodings are built from: byte columns with varints, dictionary-coded strings,
 * ids against a reference id, floats against a prediction, property values and property columns. A writer and its
 * reader take their columns from a {@link org.arxos.compress.bim.column.ColumnSet} in the same order.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.compress.bim.column;
