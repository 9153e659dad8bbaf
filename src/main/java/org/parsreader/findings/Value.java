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
 * of strings), a number, or a boolean. In JSON it is the bare value. Any finding may instead be
 * {@link NotAssessable not assessable} with a reason, which is not the same as missing (no value):
 * the reader looked and could not tell. In JSON that is the object {@code {"notAssessable": "motion"}}.
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

    /**
     * The reader looked but could not assess the finding, for {@code reason} (one of
     * {@link #REASONS}). Text form {@code na:motion}, which is also how a reader, a macro or the
     * command line types it (no template value contains ':').
     */
    record NotAssessable(String reason) implements Value {
        /** Prefix of the text form. */
        public static final String PREFIX = "na:";
        /** The reasons a finding may be not assessable. */
        public static final List<String> REASONS = List.of("motion", "artefact", "not_in_field_of_view");

        @Override public String text() { return PREFIX + reason; }

        /** True if {@code text} is in the text form {@code na:REASON} (any case, any reason). */
        public static boolean isTyped(String text) {
            return text != null && text.trim().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
        }
    }

    /** The value as one cell of text: choices joined by '|', numbers without a trailing .0, yes/no, na:REASON. */
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
            else if (v instanceof NotAssessable na) {
                g.writeStartObject();
                g.writeStringField("notAssessable", na.reason());
                g.writeEndObject();
            }
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
            if (n.isObject()) {
                JsonNode reason = n.get("notAssessable");
                if (n.size() != 1 || reason == null || !reason.isTextual()) {
                    // reason checked against REASONS by FindingsValidator, with the place named
                    return (Value) ctx.reportInputMismatch(Value.class,
                            "a value object must be {\"notAssessable\": REASON} with REASON one of " + NotAssessable.REASONS);
                }
                return new NotAssessable(reason.textValue());
            }
            return (Value) ctx.handleUnexpectedToken(Value.class, p);
        }
    }
}
