package org.arxos.grouping.functional.internal;

/** A function rule that cannot be read; the message names the rule, its position and what is wrong with it. */
final class RuleSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    RuleSyntaxException(int index, String rule, String problem) {
        super("function rule " + (index + 1) + " '" + rule + "': " + problem);
    }
}
