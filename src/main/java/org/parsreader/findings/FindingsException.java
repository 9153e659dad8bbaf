package org.parsreader.findings;

/** A findings document, template or value is not what it must be; the message says what, where, and what was expected. */
public class FindingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FindingsException(String message) {
        super(message);
    }

    public FindingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
