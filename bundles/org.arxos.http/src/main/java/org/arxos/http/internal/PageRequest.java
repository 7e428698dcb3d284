package org.arxos.http.internal;

/** The {@code offset} and {@code limit} query parameters of a paged request, validated. */
record PageRequest(int offset, int limit) {

    /**
     * @param offset       the raw parameter, or {@code null} for 0
     * @param limit        the raw parameter, or {@code null} for {@code defaultLimit}
     * @param defaultLimit the limit when none is given
     * @param maxLimit     larger limits are lowered to this one
     * @throws ProblemException 400 for a value that is not a whole number, a negative offset or a limit below 1
     */
    static PageRequest parse(String offset, String limit, int defaultLimit, int maxLimit) {
        int max = Math.max(1, maxLimit);
        int o = offset == null ? 0 : number("offset", offset);
        int l = limit == null ? Math.min(Math.max(1, defaultLimit), max) : number("limit", limit);
        if (o < 0) {
            throw ProblemException.badRequest("offset must be 0 or more but was " + o);
        }
        if (l < 1) {
            throw ProblemException.badRequest("limit must be 1 or more but was " + l);
        }
        return new PageRequest(o, Math.min(l, max));
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number but was '" + value + "'");
        }
    }
}
