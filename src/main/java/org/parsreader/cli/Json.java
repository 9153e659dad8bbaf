package org.parsreader.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON writer of the command line: indented, NaN written as null. */
final class Json {
    /** Built on first write: commands that print text (and use only {@link #num}) never load Jackson (~0.1 s cold). */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private Json() {}

    static String write(Object o) {
        try {
            return Mapper.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** NaN and infinities become null: JSON has no NaN. */
    static Double num(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
