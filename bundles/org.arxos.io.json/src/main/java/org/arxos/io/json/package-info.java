/**
 * The native JSON format of Arxos: buildings and change sets, streamed with Jackson. The format is described in
 * {@code docs/formats/json.md}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.io.json;
