/** Importers and exporters: turn files into change sets and revisions into files. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.io;
