package org.arxos.api.repository;

/** The tenant has no building (or revision) with the given id. */
public class UnknownBuildingException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    public UnknownBuildingException(String message) {
        super(message);
    }
}
