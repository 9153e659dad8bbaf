package org.parsreader.scoring.predictors;

/** A findings value that cannot become a predictor (not in the template's scale ...); names the file, finding, place and value. */
public class PredictorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PredictorException(String message) {
        super(message);
    }
}
