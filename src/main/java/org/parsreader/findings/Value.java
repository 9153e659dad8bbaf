package org.parsreader.findings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding's value, typed by its template: a choice (JSON string), a set of choices (array
 * of strings), a number, or a boolean. In JSON it is the bare value.
 */
@JsonSerialize(using = Value.Writer.class)
@JsonDeserialize(using = Value.Reader.class)
public sealed interface Value {
    record Choice(String value) implements Value {
        @Override public String text() { return value; }
    }

    record Choices(List<String> values) implements Value {
        public Choices {
            values = List.copyOf(values);
        }

        @Override public String text() { return String.join("|", values); }
    }

    record Number(double value) implements Value {
        @Override public String text() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
    }

    record Flag(boolean value) implements Value {
        @Override public String text() { return value ? "yes" : "no"; }
    }

    /** The value as one cell of text: choices joined by '|', numbers without a trailing .0, yes/no. */
    String text();

    final class Writer extends StdSerializer<Value> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(Value.class);
        }

        @Override
        public void serialize(Value v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v instanceof Choice c) g.writeString(c.value());
            else if (v instanceof Choices cs) {
                g.writeStartArray();
                for (String s : cs.values()) g.writeString(s);
                g.writeEndArray();
            } else if (v instanceof Number n) g.writeNumber(n.value());
            else g.writeBoolean(((Flag) v).value());
        }
    }

    final class Reader extends StdDeserializer<Value> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(Value.class);
        }

        @Override
        public Value deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode n = ctx.readTree(p); // not p.readValueAsTree(): that checks for trailing tokens after this one value
            if (n.isTextual()) return new Choice(n.textValue());
            if (n.isNumber()) return new Number(n.doubleValue());
            if (n.isBoolean()) return new Flag(n.booleanValue());
            if (n.isArray()) {
                List<String> out = new ArrayList<>();
                for (JsonNode e : n) {
                    if (!e.isTextual()) return (Value) ctx.handleUnexpectedToken(Value.class, p);
                    out.add(e.textValue());
                }
                return new Choices(out);
            }
            return (Value) ctx.handleUnexpectedToken(Value.class, p);
        }
    }
}
