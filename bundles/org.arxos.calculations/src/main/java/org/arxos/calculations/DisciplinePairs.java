package org.arxos.calculations;

import java.io.Serializable;

/**
 * How many component pairs of two disciplines a pair search found.
 *
 * @param first  the discipline that sorts first
 * @param second the other (equal to {@code first} for pairs within one discipline)
 * @param pairs  the number of pairs
 */
public record DisciplinePairs(String first, String second, long pairs) implements Serializable {

    private static final long serialVersionUID = 1L;
}
