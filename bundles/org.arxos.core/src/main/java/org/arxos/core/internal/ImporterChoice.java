package org.arxos.core.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.UnsupportedFormatException;

/** Picks the importer for a file: by media type first, then by the file name's extension. */
final class ImporterChoice {

    /** Media types that say nothing about the format; curl sends the second one for {@code --data-binary}. */
    private static final Set<String> UNSPECIFIC = Set.of("application/octet-stream",
            "application/x-www-form-urlencoded");

    private ImporterChoice() {
    }

    /**
     * @param importers  every registered importer, the serving one first
     * @param mediaType  the file's media type (parameters and case ignored), or {@code null}
     * @param sourceName the file name, or {@code null}
     * @throws UnsupportedFormatException naming what the importers read, when none fits
     */
    static BuildingImporter choose(List<BuildingImporter> importers, String mediaType, String sourceName)
            throws UnsupportedFormatException {
        String essence = essence(mediaType);
        String source = sourceName == null ? "upload" : sourceName;
        if (essence != null && essence.startsWith("multipart/")) {
            throw unsupported(source, "send the file itself as the request body, not wrapped in " + essence,
                    importers);
        }
        String extension = extension(sourceName);
        Optional<BuildingImporter> byMediaType = essence == null || UNSPECIFIC.contains(essence) ? Optional.empty()
                : importers.stream().filter(i -> lowerCase(i.mediaTypes()).contains(essence)).findFirst();
        Optional<BuildingImporter> chosen = byMediaType.or(() -> extension == null ? Optional.empty()
                : importers.stream().filter(i -> lowerCase(i.extensions()).contains(extension)).findFirst());
        if (chosen.isPresent()) {
            return chosen.get();
        }
        throw unsupported(source, "no importer reads "
                + (essence == null ? "a file without media type" : "media type '" + essence + "'")
                + (extension == null ? " and the file name has no extension" : " or extension '" + extension + "'")
                + (importers.isEmpty() ? " (no importer is running)" : ""), importers);
    }

    /** The lower-case extension without the dot, or {@code null}. */
    static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String base = fileName.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 || dot == base.length() - 1 ? null : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code type/subtype} in lower case without parameters, or {@code null} for a missing or blank type. */
    static String essence(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        int semicolon = mediaType.indexOf(';');
        String essence = (semicolon >= 0 ? mediaType.substring(0, semicolon) : mediaType).strip()
                .toLowerCase(Locale.ROOT);
        return essence.isEmpty() ? null : essence;
    }

    private static UnsupportedFormatException unsupported(String source, String problem,
            List<BuildingImporter> importers) {
        Set<String> mediaTypes = new TreeSet<>();
        Set<String> extensions = new TreeSet<>();
        importers.forEach(i -> {
            mediaTypes.addAll(lowerCase(i.mediaTypes()));
            extensions.addAll(lowerCase(i.extensions()));
        });
        return new UnsupportedFormatException(source, problem, mediaTypes, extensions);
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> result = new TreeSet<>();
        names.forEach(n -> result.add(n.toLowerCase(Locale.ROOT)));
        return result;
    }
}
