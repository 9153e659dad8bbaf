/**
 * Unattended runs over a cohort: {@link org.parsreader.batch.BatchRunner} takes a folder of
 * case folders through the chosen {@link org.parsreader.batch.Step steps}, in parallel and
 * with bounded memory, isolating failures per case and recording everything in a
 * {@link org.parsreader.batch.Manifest} that lets an interrupted run resume and lets the
 * manifests of {@link org.parsreader.batch.Shard shards} merge into one.
 */
package org.parsreader.batch;
