/** Identity: bearer tokens mapped to a user, a tenant and roles per building. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.api.security;
