package org.arxos.api.compute;

import java.util.List;

/** No calculation of that name is running; the message lists those that are. */
public class UnknownCalculationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> available;

    public UnknownCalculationException(String name, List<String> available) {
        super("no calculation '" + name + "' is running; running: " + String.join(", ", available));
        this.available = List.copyOf(available);
    }

    public List<String> available() {
        return available;
    }
}
