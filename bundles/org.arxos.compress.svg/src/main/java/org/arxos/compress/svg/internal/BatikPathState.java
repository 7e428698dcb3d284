package org.arxos.compress.svg.internal;

import java.util.Arrays;

/**
 * Batik's path builder ({@code AWTPathProducer} over {@code ExtendedGeneralPath}) in float arithmetic: the pen, the
 * last control point that smooth curves reflect, and the subpath start that a closepath returns to. {@link #step}
 * tells what one command appends to Batik's path and where it leaves the pen, so that two spellings of a segment can
 * be compared float for float before one replaces the other.
 */
final class BatikPathState {

    /** Slots of a step: the appended segment (kind and up to 7 values), then the state it leaves. */
    static final int SIZE = 14;
    private static final int CX = 8;
    private static final int CY = 9;
    private static final int XC = 10;
    private static final int YC = 11;
    private static final int MX = 12;
    private static final int MY = 13;

    private float cx;
    private float cy;
    private float xc;
    private float yc;
    private float mx;
    private float my;

    private final float[] a = new float[7];

    /** What the command appends and the state after it, into {@code r} ({@link #SIZE}), without changing this state. */
    float[] step(char command, PathNumber[] args, float[] r) {
        for (int k = 0; k < args.length; k++) {
            a[k] = args[k].batik();
        }
        Arrays.fill(r, 0);
        float x = cx;
        float y = cy;
        float cxNew;
        float cyNew;
        float xcNew = xc;
        float ycNew = yc;
        float mxNew = mx;
        float myNew = my;
        r[0] = Character.toUpperCase(command);
        switch (command) {
            case 'M', 'm' -> {
                cxNew = command == 'M' ? a[0] : x + a[0];
                cyNew = command == 'M' ? a[1] : y + a[1];
                xcNew = mxNew = cxNew;
                ycNew = myNew = cyNew;
                r[1] = cxNew;
                r[2] = cyNew;
            }
            case 'L', 'l', 'T', 't' -> {
                cxNew = command == 'L' || command == 'T' ? a[0] : x + a[0];
                cyNew = command == 'L' || command == 'T' ? a[1] : y + a[1];
                if (command == 'T' || command == 't') {
                    xcNew = x * 2 - xc;
                    ycNew = y * 2 - yc;
                    r[1] = xcNew;
                    r[2] = ycNew;
                    r[3] = cxNew;
                    r[4] = cyNew;
                } else {
                    xcNew = cxNew;
                    ycNew = cyNew;
                    r[1] = cxNew;
                    r[2] = cyNew;
                }
            }
            case 'H', 'h' -> {
                cxNew = command == 'H' ? a[0] : x + a[0];
                cyNew = y;
                xcNew = cxNew;
                ycNew = cyNew;
                r[0] = 'L';
                r[1] = cxNew;
                r[2] = cyNew;
            }
            case 'V', 'v' -> {
                cxNew = x;
                cyNew = command == 'V' ? a[0] : y + a[0];
                xcNew = cxNew;
                ycNew = cyNew;
                r[0] = 'L';
                r[1] = cxNew;
                r[2] = cyNew;
            }
            case 'C', 'c' -> {
                boolean abs = command == 'C';
                float x1 = abs ? a[0] : x + a[0];
                float y1 = abs ? a[1] : y + a[1];
                xcNew = abs ? a[2] : x + a[2];
                ycNew = abs ? a[3] : y + a[3];
                cxNew = abs ? a[4] : x + a[4];
                cyNew = abs ? a[5] : y + a[5];
                r[1] = x1;
                r[2] = y1;
                r[3] = xcNew;
                r[4] = ycNew;
                r[5] = cxNew;
                r[6] = cyNew;
            }
            case 'S', 's' -> {
                boolean abs = command == 'S';
                float x1 = x * 2 - xc;
                float y1 = y * 2 - yc;
                xcNew = abs ? a[0] : x + a[0];
                ycNew = abs ? a[1] : y + a[1];
                cxNew = abs ? a[2] : x + a[2];
                cyNew = abs ? a[3] : y + a[3];
                r[0] = 'C';
                r[1] = x1;
                r[2] = y1;
                r[3] = xcNew;
                r[4] = ycNew;
                r[5] = cxNew;
                r[6] = cyNew;
            }
            case 'Q', 'q' -> {
                boolean abs = command == 'Q';
                xcNew = abs ? a[0] : x + a[0];
                ycNew = abs ? a[1] : y + a[1];
                cxNew = abs ? a[2] : x + a[2];
                cyNew = abs ? a[3] : y + a[3];
                r[1] = xcNew;
                r[2] = ycNew;
                r[3] = cxNew;
                r[4] = cyNew;
            }
            case 'A', 'a' -> {
                cxNew = command == 'A' ? a[5] : x + a[5];
                cyNew = command == 'A' ? a[6] : y + a[6];
                xcNew = cxNew;
                ycNew = cyNew;
                r[1] = a[0];
                r[2] = a[1];
                r[3] = a[2];
                r[4] = a[3];
                r[5] = a[4];
                r[6] = cxNew;
                r[7] = cyNew;
            }
            case 'Z', 'z' -> {
                r[0] = 'Z';
                cxNew = mx;
                cyNew = my;
            }
            default -> throw new IllegalArgumentException("not a path command: " + command);
        }
        r[CX] = cxNew;
        r[CY] = cyNew;
        r[XC] = xcNew;
        r[YC] = ycNew;
        r[MX] = mxNew;
        r[MY] = myNew;
        return r;
    }

    /** Moves to the state a step leaves. */
    void apply(float[] step) {
        cx = step[CX];
        cy = step[CY];
        xc = step[XC];
        yc = step[YC];
        mx = step[MX];
        my = step[MY];
    }

    /** Whether two steps append the same segment and leave the same state ({@code -0 == 0}). */
    static boolean same(float[] a, float[] b) {
        for (int i = 0; i < SIZE; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
