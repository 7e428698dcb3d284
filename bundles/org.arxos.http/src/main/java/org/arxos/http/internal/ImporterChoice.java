package org.arxos.http.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.arxos.api.io.BuildingImporter;

/** Picks the importer for an upload: by media type first, then by the file name's extension. */
final class ImporterChoice {

    /** Media types that say nothing about the format; curl sends the second one for {@code --data-binary}. */
    private static final Set<String> UNSPECIFIC = Set.of("application/octet-stream", "application/x-www-form-urlencoded");

    private ImporterChoice() {
    }

    /**
     * @param importers   every registered importer, the serving one first
     * @param contentType the request's Content-Type header, or {@code null}
     * @param fileName    the {@code name} parameter, or {@code null}
     * @throws ProblemException 415 naming what the importers read, when none fits
     */
    static BuildingImporter choose(List<BuildingImporter> importers, String contentType, String fileName) {
        String mediaType = MediaTypes.essence(contentType);
        if (mediaType != null && mediaType.startsWith("multipart/")) {
            throw unsupported("send the file as the raw request body, not as " + mediaType, importers);
        }
        String extension = extension(fileName);
        Optional<BuildingImporter> byMediaType = mediaType == null || UNSPECIFIC.contains(mediaType) ? Optional.empty()
                : importers.stream().filter(i -> lowerCase(i.mediaTypes()).contains(mediaType)).findFirst();
        return byMediaType.or(() -> extension == null ? Optional.empty()
                : importers.stream().filter(i -> lowerCase(i.extensions()).contains(extension)).findFirst())
                .orElseThrow(() -> unsupported("no importer reads "
                        + (mediaType == null ? "a body without Content-Type" : "media type '" + mediaType + "'")
                        + (extension == null ? " and the file name has no extension (name it with ?name=<file>)"
                                : " or extension '" + extension + "'"), importers));
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

    private static ProblemException unsupported(String detail, List<BuildingImporter> importers) {
        Set<String> mediaTypes = new TreeSet<>();
        Set<String> extensions = new TreeSet<>();
        importers.forEach(i -> {
            mediaTypes.addAll(lowerCase(i.mediaTypes()));
            extensions.addAll(lowerCase(i.extensions()));
        });
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail)
                .with("acceptedMediaTypes", List.copyOf(mediaTypes)).with("acceptedExtensions", List.copyOf(extensions));
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> result = new TreeSet<>();
        names.forEach(n -> result.add(n.toLowerCase(Locale.ROOT)));
        return result;
    }
}
