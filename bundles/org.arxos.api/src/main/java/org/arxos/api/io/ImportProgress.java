package org.arxos.api.io;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an importer reports how far it got, for the log and the API. The platform counts the bytes it hands over;
 * the importer reports the objects (and connections) it has read. Calls must be cheap: an importer may call once per
 * object, and the platform samples.
 */
@ProviderType
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = objects -> { };

    /** The number of objects and connections read so far. */
    void objectsRead(long objects);
}
