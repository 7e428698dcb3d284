package org.arxos.api.io;

import org.arxos.model.ChangeSet;

/** The change set that creates the building (parents first), with what the importer made of its input. */
public record ImportResult(ChangeSet content, ImportReport report) {
}
