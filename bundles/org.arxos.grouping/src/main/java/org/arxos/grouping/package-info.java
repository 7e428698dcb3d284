/**
 * Support for grouping strategies: {@link org.arxos.grouping.GroupTree}, a hierarchy over a revision that holds only
 * ids, counts and bounds, and that a strategy edits group by group when a change set arrives.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.grouping;
