package org.arxos.api.security;

/** What a user may do with a building; each role includes the ones before it. */
public enum Role {
    /** Read the building, its revisions and views. */
    VIEWER,
    /** Also change it. */
    EDITOR,
    /** Also delete it and decide who else may use it. */
    OWNER;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }
}
