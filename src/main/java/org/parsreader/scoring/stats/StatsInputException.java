package org.parsreader.scoring.stats;

/**
 * Input that the statistics core cannot use; the message names the offending value and
 * where it is (row, column or predictor name). Subclasses say what kind of problem it is.
 */
public class StatsInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public StatsInputException(String message) {
        super(message);
    }

    /** An outcome that is not 0 or 1, or ratings with unusable values. */
    public static final class InvalidValueException extends StatsInputException {
        private static final long serialVersionUID = 1L;
        private final int row;
        private final double value;

        public InvalidValueException(String what, int row, double value) {
            super(what + " at row " + row + " is " + value);
            this.row = row;
            this.value = value;
        }

        public int row() { return row; }

        public double value() { return value; }
    }

    /** NaN or infinite value in a design column or rating; the caller applies the missing-data rule first. */
    public static final class MissingValueException extends StatsInputException {
        private static final long serialVersionUID = 1L;
        private final String column;
        private final int row;

        public MissingValueException(String column, int row, double value) {
            super("missing or non-finite value " + value + " in '" + column + "' at row " + row
                    + "; apply the missing-data rule (e.g. complete case) before fitting");
            this.column = column;
            this.row = row;
        }

        public String column() { return column; }

        public int row() { return row; }
    }

    /** Lengths that do not agree (outcome vs design rows, rater vectors, names vs columns). */
    public static final class DimensionMismatchException extends StatsInputException {
        private static final long serialVersionUID = 1L;

        public DimensionMismatchException(String what, int expected, int actual) {
            super(what + ": expected " + expected + ", got " + actual);
        }
    }

    /** A design column that is constant or a linear combination of earlier columns and the intercept. */
    public static final class SingularDesignException extends StatsInputException {
        private static final long serialVersionUID = 1L;
        private final String predictor;

        public SingularDesignException(String predictor) {
            super("predictor '" + predictor + "' is constant or collinear with the intercept"
                    + " and earlier predictors; the model is not identifiable");
            this.predictor = predictor;
        }

        public String predictor() { return predictor; }
    }

    /** Data without the variation a statistic needs (all outcomes equal, fewer than 2 subjects ...). */
    public static final class DegenerateDataException extends StatsInputException {
        private static final long serialVersionUID = 1L;

        public DegenerateDataException(String message) {
            super(message);
        }
    }
}
