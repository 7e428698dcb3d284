package org.arxos.compress.svg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.batik.parser.NumberListHandler;
import org.apache.batik.parser.NumberListParser;
import org.junit.jupiter.api.Test;

/** The emulation agrees with Batik's own number parser, quirks included. */
class BatikFloatTest {

    @Test
    void readsWhatBatikReads() {
        Random random = new Random(17);
        List<String> texts = new ArrayList<>(List.of("0", "-0", ".5", "1.", "1e3", "1E-3", "+2.5e+2", "007.250",
                "123456789", "1234567891", "12345678912345", "0.000123456789123", "1.50000000", "-1.50000000",
                "67108864.5", "99999999.99", "1e-130", "4e38", "1e1000", "0.30000001"));
        for (int i = 0; i < 20_000; i++) {
            int digits = 1 + random.nextInt(14);
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "-" : "");
            for (int d = 0; d < digits; d++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
            s.insert(s.length() - random.nextInt(digits + 1), '.');
            if (random.nextInt(4) == 0) {
                s.append(String.format(Locale.ROOT, "e%d", random.nextInt(20) - 10));
            }
            texts.add(s.toString().replace("-.", "-0.").replaceAll("^\\.", "0."));
        }
        for (String text : texts) {
            assertEquals(batik(text), BatikFloat.read(text), text);
        }
    }

    @Test
    void readsFromAValueWhatItReadsFromItsShortestText() {
        Random random = new Random(23);
        for (int i = 0; i < 50_000; i++) {
            long digits = random.nextLong() % Decimal.pow10(1 + random.nextInt(18));
            Decimal d = new Decimal(digits, random.nextInt(60) - 30);
            assertEquals(BatikFloat.read(d.format(true)), BatikFloat.of(d), d.format(true));
        }
    }

    private static float batik(String text) {
        float[] out = new float[1];
        NumberListParser parser = new NumberListParser();
        parser.setNumberListHandler(new NumberListHandler() {
            @Override
            public void startNumberList() {
            }

            @Override
            public void endNumberList() {
            }

            @Override
            public void startNumber() {
            }

            @Override
            public void endNumber() {
            }

            @Override
            public void numberValue(float v) {
                out[0] = v;
            }
        });
        parser.parse(text);
        return out[0];
    }
}
