package org.arxos.compress;

import java.util.OptionalLong;

/**
 * What a frame says about itself before its first block.
 *
 * @param algorithm      the codec of its blocks
 * @param level          the codec's level it was written with
 * @param originalLength the length of the original when the writer knew it in advance
 * @param dictionaryId   CRC32C of the dictionary it needs, or {@code null} for none
 * @param referenceId    CRC32C of the reference it needs, or {@code null} for none
 */
public record FrameHeader(Algorithm algorithm, int level, OptionalLong originalLength, Integer dictionaryId,
        Integer referenceId) {
}
