/** Findings rolled up to one row per patient and reader over the injected level(s), with the data dictionary; unrecorded findings stay missing. */
package org.parsreader.scoring.predictors;
