package org.parsreader.quant;

/** A measurement could not be made; the message says why and with which input. */
public class QuantException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QuantException(String message) {
        super(message);
    }
}
