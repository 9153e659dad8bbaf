package org.parsreader.scoring.predictors;

import java.util.List;

/**
 * One entry of the data dictionary: a stable column name, its type, role and roll-up rule,
 * and a one-line definition.
 *
 * @param coding how values are coded ("0 no, 1 yes", "0 pre-lysis .. 3 terminal") or the unit
 * @param scale  the possible values of a binary or ordinal column in order (for weighted
 *               kappa), empty for counts and continuous columns
 */
public record PredictorDef(String name, PredictorType type, ColumnRole role, RollUp rollUp, String definition,
                           String coding, List<Integer> scale) {
    public PredictorDef {
        scale = scale == null ? List.of() : List.copyOf(scale);
    }

    PredictorDef withCoding(String newCoding) {
        return new PredictorDef(name, type, role, rollUp, definition, newCoding, scale);
    }

    static PredictorDef binary(String name, RollUp r, String definition) {
        return new PredictorDef(name, PredictorType.BINARY, ColumnRole.PREDICTOR, r, definition, "0 no, 1 yes", List.of(0, 1));
    }

    static PredictorDef ordinal(String name, RollUp r, String definition, String coding, List<Integer> scale) {
        return new PredictorDef(name, PredictorType.ORDINAL, ColumnRole.PREDICTOR, r, definition, coding, scale);
    }

    static PredictorDef continuous(String name, RollUp r, String definition, String unit) {
        return new PredictorDef(name, PredictorType.CONTINUOUS, ColumnRole.PREDICTOR, r, definition, unit, List.of());
    }
}
