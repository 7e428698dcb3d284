package org.arxos.api.compress;

/**
 * What calls through {@link Compressions} did with one compressor, for every caller.
 *
 * @param compressions     contents it compressed
 * @param decompressions   contents it decompressed
 * @param originalBytes    original bytes, in and out
 * @param compressedBytes  compressed bytes, out and in
 * @param ratio            compressed bytes per original byte (0.1 saves 90 %), or 0 before the first call
 * @param compressMillis   time it spent compressing
 * @param decompressMillis time it spent decompressing
 * @param failures         calls it failed (threw or overran the time limit), whether another compressor took over or
 *                         not
 * @param refusals         contents it refused without blame: a media type it does not take, data it does not
 *                         recognise or that passes a limit
 */
public record CompressorStatistics(long compressions, long decompressions, long originalBytes, long compressedBytes,
        double ratio, double compressMillis, double decompressMillis, long failures, long refusals) {
}
