package org.parsreader.pacs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON read into plain maps, lists, strings, numbers and booleans with Jackson's streaming parser.
 * The PACS configuration and QIDO-RS answers are read this way rather than with an ObjectMapper:
 * making the first ObjectMapper cost a fresh CLI process about 30 ms (issue 13, point 7: a WADO-RS
 * retrieve is timed as a whole process), the streaming parser about 3 ms.
 */
final class PlainJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PlainJson() {}

    /** The value the text holds: Map (fields in order), List, String, Long/Double/BigInteger, Boolean or null. */
    static Object parse(byte[] text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new com.fasterxml.jackson.core.JsonParseException(p, "no JSON value");
            Object v = value(p, t);
            if (p.nextToken() != null) throw new com.fasterxml.jackson.core.JsonParseException(p, "more than one JSON value");
            return v;
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) throw new com.fasterxml.jackson.core.JsonParseException(p, "the text ends inside a JSON value");
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) l.add(value(p, e));
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
        }
    }

    /** A scalar as text (numbers as written by Java), or null for null, blank, an object or an array. */
    static String text(Object v) {
        if (v == null || v instanceof Map || v instanceof List) return null;
        String s = v.toString();
        return s.isBlank() ? null : s;
    }
}
