package org.arxos.io.ifc.internal.mapping;

/**
 * An affine 3D transformation: a 3x3 linear part (columns are the images of the x, y and z axes) and a translation,
 * in the file's length unit. Immutable.
 */
record Transform(double xx, double xy, double xz, double yx, double yy, double yz, double zx, double zy, double zz,
        double tx, double ty, double tz) {

    static final Transform IDENTITY = new Transform(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0);

    /** A frame from its origin and its x and z axes (normalised here; y = z × x). */
    static Transform frame(double[] origin, double[] xAxis, double[] zAxis) {
        double[] z = normalize(zAxis);
        double[] x = orthogonal(xAxis, z);
        double[] y = cross(z, x);
        return new Transform(x[0], x[1], x[2], y[0], y[1], y[2], z[0], z[1], z[2], origin[0], origin[1], origin[2]);
    }

    /** This transformation after {@code inner}: {@code this.apply(inner.apply(p))}. */
    Transform then(Transform inner) {
        double[] ix = linear(inner.xx, inner.xy, inner.xz);
        double[] iy = linear(inner.yx, inner.yy, inner.yz);
        double[] iz = linear(inner.zx, inner.zy, inner.zz);
        double[] t = apply(inner.tx, inner.ty, inner.tz);
        return new Transform(ix[0], ix[1], ix[2], iy[0], iy[1], iy[2], iz[0], iz[1], iz[2], t[0], t[1], t[2]);
    }

    double[] apply(double x, double y, double z) {
        return new double[] {
            xx * x + yx * y + zx * z + tx,
            xy * x + yy * y + zy * z + ty,
            xz * x + yz * y + zz * z + tz};
    }

    /** A direction through the linear part only. */
    double[] linear(double x, double y, double z) {
        return new double[] {xx * x + yx * y + zx * z, xy * x + yy * y + zy * z, xz * x + yz * y + zz * z};
    }

    static double[] normalize(double[] v) {
        double[] s = scaled(v);
        double x = s[0], y = s[1], z = s[2];
        double n = Math.sqrt(x * x + y * y + z * z);
        if (n == 0 || !Double.isFinite(n)) {
            return new double[] {0, 0, 1};
        }
        return n == 1 ? new double[] {x, y, z} : new double[] {x / n, y / n, z / n};
    }

    /** The part of {@code v} orthogonal to the unit vector {@code z}, normalised; a fallback when parallel. */
    static double[] orthogonal(double[] v, double[] z) {
        double[] s = scaled(v);
        double x0 = s[0], x1 = s[1], x2 = s[2];
        double d = x0 * z[0] + x1 * z[1] + x2 * z[2];
        double[] r = {x0 - d * z[0], x1 - d * z[1], x2 - d * z[2]};
        double n = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        if (n < 1e-12) {
            // The given x axis is missing or parallel to z: IFC's default is (1,0,0), else (0,0,1)... take a stable one.
            double[] fallback = Math.abs(z[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
            return orthogonal(fallback, z);
        }
        return n == 1 ? r : new double[] {r[0] / n, r[1] / n, r[2] / n};
    }

    /**
     * The ratios of a direction as x, y, z; divided by the largest when that is so large or small that the length
     * would overflow or underflow (direction ratios need not be normalised), else unchanged, bit for bit.
     */
    private static double[] scaled(double[] v) {
        double x = v.length > 0 ? v[0] : 0, y = v.length > 1 ? v[1] : 0, z = v.length > 2 ? v[2] : 0;
        double m = Math.max(Math.abs(x), Math.max(Math.abs(y), Math.abs(z)));
        if (m > 1e150 || (m > 0 && m < 1e-150)) {
            return new double[] {x / m, y / m, z / m};
        }
        return new double[] {x, y, z};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
