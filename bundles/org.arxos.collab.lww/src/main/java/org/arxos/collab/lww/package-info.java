/**
 * The server-ordered replica that last-writer-wins, manual merge and rules share: operations are applied in the order
 * they reach the server, the replica remembers which operation last wrote every field (parent, name, geometry,
 * property) and hands a write of a field that another client wrote after the writer's base revision to a {@link
 * org.arxos.collab.lww.FieldPolicy}, which keeps the new value, keeps the old one or parks the write for a person. A
 * {@link org.arxos.collab.lww.ChangeGuard} refuses changes a role may not make.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.collab.lww;
