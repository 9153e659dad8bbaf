package org.parsreader.scoring.stats;

import java.util.List;

/**
 * The predictors of a model: named columns of equal length, without the intercept (the
 * models add it as the first parameter, named {@value #INTERCEPT}). Values must be finite;
 * binary and ordinal predictors are coded as numbers (0/1, grades).
 *
 * @param names   one name per column, unique
 * @param columns column-major values, {@code columns[j][i]} = predictor j of subject i
 */
public record Design(List<String> names, double[][] columns) {
    /** The name the intercept gets in results, as in R. */
    public static final String INTERCEPT = "(Intercept)";

    public Design {
        names = List.copyOf(names);
        if (names.size() != columns.length) {
            throw new StatsInputException.DimensionMismatchException("number of predictor names",
                    columns.length, names.size());
        }
        if (names.stream().distinct().count() != names.size() || names.contains(INTERCEPT)) {
            throw new StatsInputException("predictor names must be unique and not " + INTERCEPT + ": " + names);
        }
        int n = columns.length == 0 ? -1 : columns[0].length;
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].length != n) {
                throw new StatsInputException.DimensionMismatchException("rows of '" + names.get(j) + "'",
                        n, columns[j].length);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(columns[j][i])) {
                    throw new StatsInputException.MissingValueException(names.get(j), i, columns[j][i]);
                }
            }
        }
    }

    /** A design from column arrays, e.g. {@code Design.of(List.of("age"), age)}. */
    public static Design of(List<String> names, double[]... columns) {
        return new Design(names, columns);
    }

    /** No predictors: the intercept-only model (its n comes from the outcome). */
    public static Design none() {
        return new Design(List.of(), new double[0][]);
    }

    /** Number of predictors (without intercept). */
    public int p() {
        return columns.length;
    }

    /** The sub-design with the predictors at the given indices. */
    public Design select(int... indices) {
        String[] nm = new String[indices.length];
        double[][] c = new double[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            nm[k] = names.get(indices[k]);
            c[k] = columns[indices[k]];
        }
        return new Design(List.of(nm), c);
    }

    /** The sub-design with the named predictors. */
    public Design select(String... predictorNames) {
        int[] idx = new int[predictorNames.length];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = names.indexOf(predictorNames[k]);
            if (idx[k] < 0) throw new StatsInputException("no predictor named '" + predictorNames[k] + "' in " + names);
        }
        return select(idx);
    }
}
