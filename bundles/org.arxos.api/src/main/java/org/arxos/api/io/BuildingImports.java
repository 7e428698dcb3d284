package org.arxos.api.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.arxos.api.repository.BuildingExistsException;
import org.arxos.api.repository.BuildingSummary;
import org.arxos.api.selection.NoImplementationException;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one way files become buildings, for the REST API, the Gogo shell and any other caller: picks the importer among
 * every registered {@link BuildingImporter} by media type and file extension, reads the file while measuring its
 * progress (percentage of the bytes, objects per second; logged every few seconds), creates the building in the
 * serving {@code BuildingRepository} and makes the importing user its owner.
 *
 * <p>Every import is an {@link ImportJob}: {@link #importBuilding} runs one on the caller's thread, {@link #submit}
 * in the background. Finished jobs are kept in memory for a bounded time and number; the building, once created, is
 * in the repository, which holds the real state.
 */
@ProviderType
public interface BuildingImports {

    /**
     * The importer for a file: the first one (the serving importer first, then by ranking) that lists the media type,
     * else the first that lists the file name's extension (case-insensitive). Media types that say nothing about the
     * format ({@code application/octet-stream}, {@code application/x-www-form-urlencoded}) are passed over.
     *
     * @param mediaType  the file's media type, parameters allowed, or {@code null}
     * @param sourceName the file name (a path is fine), or {@code null}
     * @throws UnsupportedFormatException listing what the running importers read, when none fits
     */
    BuildingImporter importerFor(String mediaType, String sourceName) throws UnsupportedFormatException;

    /**
     * Imports a file on the caller's thread and creates the building. The stream is read to its end, not closed.
     * {@link ImportRequest#progress()} hears of the progress on this thread.
     *
     * @throws UnsupportedFormatException before anything is read, when no importer reads the file
     * @throws ImportException           naming source, line and field of what stops the import; nothing is stored
     * @throws ChangeRejectedException   when the imported content breaks a model rule; nothing is stored
     * @throws BuildingExistsException   when the tenant already has a building with that id
     * @throws NoImplementationException when no repository (or, for a user, no identity store) runs
     */
    ImportedBuilding importBuilding(ImportRequest request, InputStream in)
            throws ImportException, IOException, ChangeRejectedException;

    /**
     * Starts an import in the background: picks the importer, copies the stream to a temporary file (read to its end
     * on the caller's thread, not closed; the file is deleted when the job ends), queues the job and returns it.
     * Follow it with {@link #job}. What goes wrong after this returns is the job's {@link ImportJob#problem()}.
     *
     * @throws UnsupportedFormatException before anything is read, when no importer reads the file
     * @throws IOException                when the stream cannot be read or the copy cannot be written
     */
    ImportJob submit(ImportRequest request, InputStream in) throws ImportException, IOException;

    /** A job of the tenant, running or recently finished; another tenant's job is as unknown as a missing one. */
    Optional<ImportJob> job(String tenant, String jobId);

    /** The jobs of every tenant still kept, newest first. */
    List<ImportJob> jobs();

    /**
     * Creates a building from a change set (an import's or any other) and, when a user is named, makes that user its
     * {@code OWNER} through the serving identity store; when the grant fails the building is deleted again, so a
     * failure leaves nothing behind. The change set is recorded as made by the user.
     *
     * @param user the creator, or {@code null} for none (recorded as {@value ImportRequest#NO_USER_AUTHOR})
     * @throws ChangeRejectedException when the content breaks a model rule; nothing is stored
     */
    BuildingSummary create(String tenant, String user, ChangeSet content) throws ChangeRejectedException;
}
