package org.arxos.model.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;

/**
 * The per-item half of the revision content hash. Each object and connection is written in a canonical byte form
 * and hashed with SHA-256; a revision's hash is the sum, per 64-bit lane, of the first 128 bits of its items' hashes.
 * A sum does not depend on order, and adding or removing one item changes it by that item's hash alone, so a change
 * set updates the hash in time proportional to its size. Not thread safe: one instance per change set.
 */
final class ContentHasher {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
    private byte[] buf = new byte[256];
    private int len;

    /** The item hash just computed, as two lanes. */
    long lane0;
    long lane1;

    ContentHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String hex(long lane0, long lane1) {
        return HexFormat.of().toHexDigits(lane0) + HexFormat.of().toHexDigits(lane1);
    }

    void hash(BuildingObject o) {
        len = 0;
        writeByte('O');
        writeString(o.id());
        writeString(o.type().id());
        writeString(o.kind());
        writeString(o.parentId());
        writeString(o.name());
        writeFootprint(o.footprint());
        ElevationRange e = o.elevation();
        if (e == null) {
            writeByte(0);
        } else {
            writeByte(1);
            writeInt(Float.floatToIntBits(e.bottom()));
            writeInt(Float.floatToIntBits(e.top()));
        }
        writeProperties(o.properties());
        finish();
    }

    void hash(Connection c) {
        len = 0;
        writeByte('C');
        writeString(c.id());
        writeString(c.fromId());
        writeString(c.toId());
        writeString(c.kind());
        writeProperties(c.properties());
        finish();
    }

    private void finish() {
        sha256.update(buf, 0, len);
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        lane0 = (long) LONG.get(digest, 0);
        lane1 = (long) LONG.get(digest, 8);
    }

    private void writeFootprint(Footprint f) {
        if (f == null) {
            writeByte(0);
        } else if (f instanceof Bounds b) {
            writeByte(1);
            writeInt(Float.floatToIntBits(b.minX()));
            writeInt(Float.floatToIntBits(b.minY()));
            writeInt(Float.floatToIntBits(b.maxX()));
            writeInt(Float.floatToIntBits(b.maxY()));
        } else if (f instanceof Polygon p) {
            writeByte(2);
            writeFloats(p.coordinates());
        } else if (f instanceof Polyline p) {
            writeByte(3);
            writeFloats(p.coordinates());
        }
    }

    private void writeFloats(float[] values) {
        writeInt(values.length);
        for (float v : values) {
            writeInt(Float.floatToIntBits(v));
        }
    }

    private void writeProperties(Properties p) {
        int n = p.size();
        writeInt(n);
        for (int i = 0; i < n; i++) {
            writeString(p.nameAt(i));
            PropertyValue v = p.valueAt(i);
            if (v instanceof PropertyValue.Text t) {
                writeByte('T');
                writeString(t.value());
            } else if (v instanceof PropertyValue.Number num) {
                writeByte('N');
                long bits = Double.doubleToLongBits(num.value());
                writeInt((int) (bits >>> 32));
                writeInt((int) bits);
                writeString(num.unit());
            } else if (v instanceof PropertyValue.Flag flag) {
                writeByte('F');
                writeByte(flag.value() ? 1 : 0);
            }
        }
    }

    /** Length-prefixed UTF-16 code units; -1 for null, so null and "" differ. */
    private void writeString(String s) {
        if (s == null) {
            writeInt(-1);
            return;
        }
        int n = s.length();
        writeInt(n);
        ensure(2 * n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            buf[len++] = (byte) (c >>> 8);
            buf[len++] = (byte) c;
        }
    }

    private void writeInt(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void writeByte(int v) {
        ensure(1);
        buf[len++] = (byte) v;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            byte[] grown = new byte[Math.max(buf.length * 2, len + extra)];
            System.arraycopy(buf, 0, grown, 0, len);
            buf = grown;
        }
    }
}
