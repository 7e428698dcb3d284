package org.arxos.api.repository;

/** The tenant already has a building with that id. */
public class BuildingExistsException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    public BuildingExistsException(String message) {
        super(message);
    }
}
