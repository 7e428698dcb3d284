package org.arxos.api.io;

import org.arxos.api.repository.BuildingSummary;

/** What an import made: the new building and what the importer made of its file. */
public record ImportedBuilding(BuildingSummary building, ImportReport report) {
}
