package org.parsreader.scoring.describe;

/** Input the descriptive table cannot be made from; the message names the file, column and value. */
public final class Table1Exception extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public Table1Exception(String message) {
        super(message);
    }
}
