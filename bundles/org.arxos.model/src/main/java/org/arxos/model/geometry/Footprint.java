package org.arxos.model.geometry;

/**
 * An object's 2D shape on its floor, in metres in the floor's coordinate system. Every footprint has a bounding box;
 * a polygon or polyline adds the exact outline where it is known.
 */
public sealed interface Footprint permits Bounds, Polygon, Polyline {

    Bounds bounds();
}
