package org.arxos.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Pins, one per capability: key {@code pin.<capability id>}, value the {@code arxos.impl} name. An empty or absent pin
 * lets the highest {@code service.ranking} serve. Guarded calls: the time limit of one call and the failures in a row
 * after which an implementation is quarantined.
 */
@ObjectClassDefinition(name = "Arxos implementation selection",
        description = "Which implementation serves each capability, by arxos.impl name; empty = highest ranking. "
                + "How long one call of an implementation may take, and after how many failures in a row it is "
                + "quarantined.")
@interface SelectionConfiguration {

    String PID = "org.arxos.selection";

    String PIN_PREFIX = "pin.";

    @AttributeDefinition(name = "Call time limit (ms)", min = "0",
            description = "The longest one guarded call of an implementation may take before the next one is asked; "
                    + "0 = no limit.")
    long call_timeout_millis() default 10_000;

    @AttributeDefinition(name = "Quarantine after failures", min = "0",
            description = "Failures in a row after which an implementation is left out while another one is "
                    + "running, until reinstated (arxos:reinstate) or registered anew; 0 = never.")
    int quarantine_failures() default 5;

    @AttributeDefinition(required = false) String pin_repository() default "";
    @AttributeDefinition(required = false) String pin_importer() default "";
    @AttributeDefinition(required = false) String pin_exporter() default "";
    @AttributeDefinition(required = false) String pin_grouping() default "";
    @AttributeDefinition(required = false) String pin_renderer() default "";
    @AttributeDefinition(required = false) String pin_cache() default "";
    @AttributeDefinition(required = false) String pin_cache$_$tier() default "";
    @AttributeDefinition(required = false) String pin_compressor() default "";
    @AttributeDefinition(required = false) String pin_compute$_$engine() default "";
    @AttributeDefinition(required = false) String pin_calculation() default "";
    @AttributeDefinition(required = false) String pin_conflict$_$resolver() default "";
    @AttributeDefinition(required = false) String pin_event$_$bus() default "";
    @AttributeDefinition(required = false) String pin_identity$_$store() default "";
}
