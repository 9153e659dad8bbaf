package org.parsreader.scoring.outcome;

import java.util.List;

/** An outcomes CSV that cannot be used at all (no header, required columns missing, identity columns); names the file. */
public class OutcomeCsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;

    public OutcomeCsvException(String file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** The CSV carries columns that identify patients; refused unless the caller explicitly allows them. */
    public static final class IdentityColumnsException extends OutcomeCsvException {
        private static final long serialVersionUID = 1L;
        private final List<String> columns;

        public IdentityColumnsException(String file, List<String> columns) {
            super(file, "has identity columns " + columns + "; outcomes are matched by pseudonym only. Remove them, or allow them"
                    + " explicitly (--allow-identity-columns), in which case they are ignored and never written out");
            this.columns = List.copyOf(columns);
        }

        public List<String> columns() {
            return columns;
        }
    }
}
