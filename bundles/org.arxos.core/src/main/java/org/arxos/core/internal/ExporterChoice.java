package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.io.BuildingExporter;
import org.arxos.api.io.BuildingExports;
import org.arxos.api.io.ExportFormatException;

/**
 * Picks the exporter for a format (an extension or a media type), a file name or an HTTP {@code Accept} header; the
 * counterpart of {@link ImporterChoice}, sharing its reading of extensions and media types.
 */
final class ExporterChoice {

    /** How closely a media range fits a media type: a wildcard the least. */
    private static final int ANY = 0;
    private static final int ANY_SUBTYPE = 1;
    private static final int JSON_SUFFIX = 2;
    private static final int EXACT = 3;

    private ExporterChoice() {
    }

    /**
     * @param exporters every registered exporter, the serving one first
     * @param format    an extension (a leading dot allowed) or a media type (it has a {@code /}), or {@code null}
     * @param fileName  the file to write, or {@code null}: its extension decides when there is no format
     * @throws ExportFormatException naming what the exporters write, when none fits
     */
    static BuildingExporter choose(List<BuildingExporter> exporters, String format, String fileName)
            throws ExportFormatException {
        String wanted = format == null || format.isBlank() ? null : format.strip();
        if (wanted == null && fileName != null) {
            wanted = ImporterChoice.extension(fileName);
            if (wanted == null) {
                throw unsupported("the file name '" + fileName + "' has no extension to choose the format by",
                        exporters);
            }
        }
        if (wanted == null) {
            wanted = BuildingExports.DEFAULT_FORMAT;
        }
        if (wanted.contains("/")) {
            String essence = ImporterChoice.essence(wanted);
            return exporters.stream().filter(e -> essence.equals(ImporterChoice.essence(e.mediaType()))).findFirst()
                    .orElseThrow(() -> unsupported("no exporter writes media type '" + essence + "'", exporters));
        }
        String extension = (wanted.startsWith(".") ? wanted.substring(1) : wanted).toLowerCase(Locale.ROOT);
        return byExtension(exporters, extension)
                .orElseThrow(() -> unsupported("no exporter writes the format '" + extension + "'", exporters));
    }

    /**
     * Content negotiation (RFC 9110 section 12.5.1): the exporter whose media type the header rates highest; see
     * {@link BuildingExports#exporterAccepting(String)}.
     */
    static BuildingExporter negotiate(List<BuildingExporter> exporters, String accept) throws ExportFormatException {
        if (accept == null || accept.isBlank()) {
            return choose(exporters, null, null);
        }
        List<Range> ranges = Range.parse(accept);
        BuildingExporter best = null;
        Fit bestFit = null;
        for (BuildingExporter exporter : exporters) {
            Fit fit = fit(ranges, ImporterChoice.essence(exporter.mediaType()),
                    BuildingExports.DEFAULT_FORMAT.equalsIgnoreCase(exporter.extension()));
            if (fit != null && fit.quality() > 0 && (bestFit == null || fit.beats(bestFit))) {
                best = exporter;
                bestFit = fit;
            }
        }
        if (best == null) {
            throw unsupported("no exporter writes a media type the Accept header '" + accept.strip() + "' accepts",
                    exporters);
        }
        return best;
    }

    /** How an exporter's media type fares under an Accept header; {@code null} when no range covers it. */
    private record Fit(double quality, int specificity, int position, boolean defaultFormat) {

        boolean beats(Fit other) {
            if (quality != other.quality) {
                return quality > other.quality;
            }
            if (specificity != other.specificity) {
                return specificity > other.specificity;
            }
            if (position != other.position) {
                return position < other.position;
            }
            return defaultFormat && !other.defaultFormat;
        }
    }

    /** The most specific range covering the media type decides its quality (RFC 9110). */
    private static Fit fit(List<Range> ranges, String mediaType, boolean defaultFormat) {
        if (mediaType == null || mediaType.indexOf('/') < 0) {
            return null;
        }
        Fit fit = null;
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            int specificity = range.specificity(mediaType);
            if (specificity >= 0 && (fit == null || specificity > fit.specificity())) {
                fit = new Fit(range.quality(), specificity, i, defaultFormat);
            }
        }
        return fit;
    }

    /** One media range of an Accept header, e.g. {@code image/*;q=0.5}. */
    record Range(String type, String subtype, double quality) {

        static List<Range> parse(String accept) {
            List<Range> ranges = new ArrayList<>();
            for (String part : accept.split(",")) {
                String[] pieces = part.split(";");
                String essence = pieces[0].strip().toLowerCase(Locale.ROOT);
                int slash = essence.indexOf('/');
                if (essence.equals("*")) {
                    // some clients send a bare "*" for "*/*"
                    essence = "*/*";
                    slash = 1;
                }
                if (slash <= 0 || slash == essence.length() - 1) {
                    continue;
                }
                double quality = 1;
                for (int i = 1; i < pieces.length; i++) {
                    String parameter = pieces[i].strip();
                    if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                        quality = quality(parameter.substring(2).strip());
                    }
                }
                ranges.add(new Range(essence.substring(0, slash), essence.substring(slash + 1), quality));
            }
            return ranges;
        }

        private static double quality(String text) {
            try {
                double q = Double.parseDouble(text);
                return Double.isNaN(q) ? 0 : Math.max(0, Math.min(1, q));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** How closely this range covers the media type, or -1 when it does not. */
        int specificity(String mediaType) {
            int slash = mediaType.indexOf('/');
            String t = mediaType.substring(0, slash);
            String s = mediaType.substring(slash + 1);
            if (type.equals("*")) {
                return subtype.equals("*") ? ANY : -1;
            }
            if (!type.equals(t)) {
                return -1;
            }
            if (subtype.equals("*")) {
                return ANY_SUBTYPE;
            }
            if (subtype.equals(s)) {
                return EXACT;
            }
            // application/json accepts any +json type: it is JSON to a client that does not know the vendor type
            return type.equals("application") && subtype.equals("json") && s.endsWith("+json") ? JSON_SUFFIX : -1;
        }
    }

    private static Optional<BuildingExporter> byExtension(List<BuildingExporter> exporters, String extension) {
        return exporters.stream().filter(e -> extension.equalsIgnoreCase(e.extension())).findFirst();
    }

    private static ExportFormatException unsupported(String problem, List<BuildingExporter> exporters) {
        Map<String, String> available = new LinkedHashMap<>();
        exporters.forEach(e -> available.putIfAbsent(e.extension().toLowerCase(Locale.ROOT),
                ImporterChoice.essence(e.mediaType())));
        return new ExportFormatException(problem, available);
    }
}
