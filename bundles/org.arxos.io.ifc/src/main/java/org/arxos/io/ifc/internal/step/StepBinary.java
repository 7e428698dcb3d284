package org.arxos.io.ifc.internal.step;

/**
 * A binary value, {@code "..."}: the hexadecimal digits as written, upper case. The first digit counts the unused
 * leading bits (0 to 3) of the first hexadecimal digit that follows it, as ISO 10303-21 defines.
 */
public record StepBinary(String hex) {

    public StepBinary {
        if (hex == null || hex.isEmpty()) {
            throw new IllegalArgumentException("a binary value needs at least its leading digit");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                throw new IllegalArgumentException("a binary value has only the digits 0-9 and A-F: " + hex);
            }
        }
        if (hex.charAt(0) > '3') {
            throw new IllegalArgumentException("a binary value starts with 0, 1, 2 or 3: " + hex);
        }
    }
}
