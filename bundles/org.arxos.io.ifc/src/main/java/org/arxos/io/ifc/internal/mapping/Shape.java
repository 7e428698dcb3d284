package org.arxos.io.ifc.internal.mapping;

import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;

/** What the representation of a product gives: its footprint and elevation range in metres, either may be null. */
record Shape(Footprint footprint, ElevationRange elevation) {

    static final Shape NONE = new Shape(null, null);
}
