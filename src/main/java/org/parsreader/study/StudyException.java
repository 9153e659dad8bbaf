package org.parsreader.study;

/** A study file or a study action is wrong; the message names the file, field, case or reader, and the value. */
public class StudyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StudyException(String message) {
        super(message);
    }

    public StudyException(String message, Throwable cause) {
        super(message, cause);
    }
}
