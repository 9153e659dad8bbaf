package org.parsreader.sample;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic UIDs: "2.25." followed by the decimal value of a name-based (version 3) UUID
 * of a fixed name (ITU-T X.667 / DICOM PS3.5 B.2), so every run writes the same UIDs and two
 * different names never share one.
 */
public final class UidFactory {
    private final String namespace;

    public UidFactory(String namespace) {
        this.namespace = namespace;
    }

    public String uid(String name) {
        UUID u = UUID.nameUUIDFromBytes((namespace + "/" + name).getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }

    /** A short hexadecimal tag of a text (8 characters), for file names that carry no order. */
    public static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
