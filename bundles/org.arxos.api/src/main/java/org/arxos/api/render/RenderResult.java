package org.arxos.api.render;

/**
 * @param mediaType    the media type of what was written
 * @param elementCount objects drawn one by one
 * @param groupCount   group outlines drawn, each standing for objects too small (or too many) to draw one by one
 * @param summarized   objects drawn only as part of a group outline
 * @param capped       whether {@link RenderRequest#maxElements()} made the drawing coarser than the pixel threshold
 *                     alone would have
 */
public record RenderResult(String mediaType, int elementCount, int groupCount, int summarized, boolean capped) {
}
