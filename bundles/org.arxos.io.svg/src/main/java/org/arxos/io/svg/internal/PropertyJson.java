package org.arxos.io.svg.internal;

import java.io.IOException;
import java.io.StringWriter;

import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * Properties as compact JSON in one attribute, with the native JSON format's value syntax ({@code {"text":..}},
 * {@code {"number":..,"unit":..}}, {@code {"flag":..}}). Non-ASCII characters are escaped, so the JSON is always
 * text XML can carry, whatever the property holds.
 */
final class PropertyJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private PropertyJson() {
    }

    static String write(Properties p) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            for (int i = 0; i < p.size(); i++) {
                g.writeFieldName(p.nameAt(i));
                g.writeStartObject();
                PropertyValue v = p.valueAt(i);
                if (v instanceof PropertyValue.Text t) {
                    g.writeStringField("text", t.value());
                } else if (v instanceof PropertyValue.Number n) {
                    g.writeNumberField("number", n.value());
                    if (n.unit() != null) {
                        g.writeStringField("unit", n.unit());
                    }
                } else if (v instanceof PropertyValue.Flag f) {
                    g.writeBooleanField("flag", f.value());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    static String writeString(String s) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeString(s);
        }
        return out.toString();
    }

    static String readString(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new IOException("expected a JSON string");
            }
            return p.getText();
        }
    }

    /** @throws IOException with a message naming what is wrong */
    static Properties read(String json) throws IOException {
        Properties result = Properties.EMPTY;
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("properties must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("property '" + name + "' must be an object");
                }
                String text = null;
                Double number = null;
                String unit = null;
                Boolean flag = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (f) {
                        case "text" -> text = p.getText();
                        case "number" -> {
                            if (!t.isNumeric()) {
                                throw new IOException("property '" + name + "': number must be a number");
                            }
                            number = p.getDoubleValue();
                        }
                        case "unit" -> unit = p.getText();
                        case "flag" -> flag = p.getBooleanValue();
                        default -> throw new IOException("property '" + name + "': unknown field '" + f + "'");
                    }
                }
                PropertyValue v = text != null ? new PropertyValue.Text(text)
                        : number != null ? new PropertyValue.Number(number, unit)
                        : flag != null ? new PropertyValue.Flag(flag) : null;
                if (v == null) {
                    throw new IOException("property '" + name + "' has no value");
                }
                result = result.with(name, v);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return result;
    }
}
