package org.arxos.api.compute;

import java.io.Serializable;

import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A building calculation (quantity takeoff, clash detection, load roll-up, egress, ...). Register with
 * {@code arxos.impl} set to the calculation's name. The result depends only on the revision, so it is cached by the
 * revision's content hash.
 */
@ConsumerType
public interface Calculation<R extends Serializable> {

    R calculate(Revision revision, ComputeEngine engine) throws Exception;
}
