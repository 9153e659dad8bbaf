/**
 * Structured findings: reading templates (the vocabulary: levels, sides, finding types,
 * allowed values, units, standard codes), per-reader findings documents with values per
 * level and side, ROIs in patient coordinates and measurements with provenance, their JSON
 * form (schema in {@code docs/schema/}), validation, CSV export and pseudonyms.
 *
 * <pre>{@code
 * ReadingTemplate t = ReadingTemplate.builtIn("pars-injection");
 * FindingsEditor e = FindingsEditor.create(t, "P0001", new Reader("jdoe", Role.R1));
 * e.set("pars_defect", "L5", Side.LEFT, "complete");
 * byte[] json = FindingsJson.write(e.document());
 * }</pre>
 *
 * Crash-safe storage of the bytes (atomic writes, versions, audit log, locks) is in
 * {@code findings.store}.
 */
package org.parsreader.findings;
