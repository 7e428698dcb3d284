package org.arxos.benchmarks;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;

/**
 * What no lossless coding can shrink: the random IFC GlobalIds a revision holds. A GlobalId is 128 bits in 22
 * characters of IFC's base 64; most tools make it from a random (version 4) UUID, whose 122 random bits cannot be
 * coded in fewer. Counted once each, wherever they occur: object and connection ids (as the importer writes them,
 * {@code $} as {@code -}) and text property values (references to other objects, the IFC's own GlobalIds).
 */
final class RandomGuids {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$";
    private static final int RANDOM_BITS = 122;

    private RandomGuids() {
    }

    /** The bytes the revision's distinct random GlobalIds take at least. */
    static long floorBytes(Revision revision) {
        Set<String> guids = new HashSet<>();
        Stream.concat(revision.objects().map(BuildingObject::id), revision.connections().map(Connection::id))
                .forEach(id -> addIfRandom(id, guids));
        revision.objects().forEach(o -> addTexts(o.properties(), guids));
        revision.connections().forEach(c -> addTexts(c.properties(), guids));
        return (long) Math.ceil(guids.size() * RANDOM_BITS / 8.0);
    }

    private static void addTexts(Properties properties, Set<String> guids) {
        for (int i = 0; i < properties.size(); i++) {
            if (properties.valueAt(i) instanceof PropertyValue.Text t) {
                addIfRandom(t.value(), guids);
            }
        }
    }

    private static void addIfRandom(String s, Set<String> guids) {
        String guid = s.replace('-', '$');
        BigInteger value = decode(guid);
        // a version 4 UUID: version nibble 4 at bits 76-79, variant bits 10 at bits 62-63
        if (value != null && (value.shiftRight(76).intValue() & 15) == 4
                && (value.shiftRight(62).intValue() & 3) == 2) {
            guids.add(guid);
        }
    }

    private static BigInteger decode(String guid) {
        if (guid.length() != 22) {
            return null;
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < guid.length(); i++) {
            int digit = ALPHABET.indexOf(guid.charAt(i));
            if (digit < 0 || (i == 0 && digit > 3)) {
                return null;
            }
            value = value.shiftLeft(6).or(BigInteger.valueOf(digit));
        }
        return value;
    }
}
