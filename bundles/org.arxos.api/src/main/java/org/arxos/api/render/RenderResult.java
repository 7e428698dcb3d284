package org.arxos.api.render;

/**
 * @param mediaType     the media type of what was written
 * @param elementCount  elements drawn individually
 * @param summarized    objects drawn only as part of a group outline
 */
public record RenderResult(String mediaType, int elementCount, int summarized) {
}
