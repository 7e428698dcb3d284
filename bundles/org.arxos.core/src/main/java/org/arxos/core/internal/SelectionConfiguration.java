package org.arxos.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Pins, one per capability: key {@code pin.<capability id>}, value the {@code arxos.impl} name. An empty or absent pin
 * lets the highest {@code service.ranking} serve.
 */
@ObjectClassDefinition(name = "Arxos implementation selection",
        description = "Which implementation serves each capability, by arxos.impl name; empty = highest ranking.")
@interface SelectionConfiguration {

    String PID = "org.arxos.selection";

    String PIN_PREFIX = "pin.";

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
