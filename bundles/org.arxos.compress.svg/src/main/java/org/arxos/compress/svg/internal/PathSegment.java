package org.arxos.compress.svg.internal;

/**
 * One path command with its arguments, as written or as it will be written: the letter's case says absolute or
 * relative. An arc's two flags are arguments {@code 3} and {@code 4}, each {@code 0} or {@code 1}.
 */
record PathSegment(char command, PathNumber[] args) {

    /** How many arguments the command takes. */
    static int arity(char command) {
        return switch (Character.toUpperCase(command)) {
            case 'M', 'L', 'T' -> 2;
            case 'H', 'V' -> 1;
            case 'C' -> 6;
            case 'S', 'Q' -> 4;
            case 'A' -> 7;
            case 'Z' -> 0;
            default -> -1;
        };
    }

    static boolean isFlag(char command, int index) {
        return (command == 'A' || command == 'a') && (index == 3 || index == 4);
    }

    boolean isRelative() {
        return Character.isLowerCase(command);
    }

    /** The arguments that are points, as pairs of indexes (x, y); H and V have one coordinate each. */
    static int[] endPoint(char command) {
        return switch (Character.toUpperCase(command)) {
            case 'M', 'L', 'T' -> new int[] {0, 1};
            case 'C' -> new int[] {4, 5};
            case 'S', 'Q' -> new int[] {2, 3};
            case 'A' -> new int[] {5, 6};
            default -> null;
        };
    }

    /** Whether argument {@code index} is an x (0), a y (1) coordinate, or neither (-1: radii, angle, flags). */
    static int axis(char command, int index) {
        return switch (Character.toUpperCase(command)) {
            case 'H' -> 0;
            case 'V' -> 1;
            case 'A' -> index == 5 ? 0 : index == 6 ? 1 : -1;
            case 'Z' -> -1;
            default -> index % 2;
        };
    }
}
