/** Univariable logistic models per predictor (ML, Firth on separation) and inter-reader agreement per finding item and predictor. */
package org.parsreader.scoring.analysis;
