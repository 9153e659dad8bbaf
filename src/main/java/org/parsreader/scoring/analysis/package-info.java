/**
 * Univariable and multivariable logistic models per predictor (ML, Firth on separation), their
 * p-values adjusted for multiplicity ({@link org.parsreader.scoring.analysis.Multiplicity}), and
 * inter-reader agreement per finding item and predictor.
 */
package org.parsreader.scoring.analysis;
