/**
 * Support for components that keep their data in a database: {@link org.arxos.jdbc.DataSourceFactories}, the
 * DataSourceFactory services a component is bound to, and the DataSource they open for its configured URL.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.jdbc;
