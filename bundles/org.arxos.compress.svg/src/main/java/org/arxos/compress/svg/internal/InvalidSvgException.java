package org.arxos.compress.svg.internal;

/**
 * Input that is not an SVG the compressor can take: not well-formed, not SVG, or past a limit. The message names the
 * line and column where known.
 */
final class InvalidSvgException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidSvgException(String message) {
        super(message);
    }

    static InvalidSvgException at(int line, int column, String problem) {
        return new InvalidSvgException(line > 0 ? "invalid SVG at line " + line + ", column " + column + ": " + problem
                : "invalid SVG: " + problem);
    }
}
