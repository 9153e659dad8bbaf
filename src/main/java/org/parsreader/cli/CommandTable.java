package org.parsreader.cli;

/**
 * The subcommand classes by name, read without any annotation: {@link Main} uses it to build only
 * the command that runs. Finding it through the annotations meant loading every subcommand class
 * and parsing its {@code @Command} (the first annotation of its type also spins a proxy class):
 * 20-30 ms of every command's start, a tenth of a WADO-RS retrieve (issue 13, point 7).
 *
 * <p>The annotations stay the definition: {@code CommandTableTest} fails when a name here and a
 * {@code subcommands} list there differ, either way.
 */
final class CommandTable {
    /** The root command's name, as Main's annotation says. */
    static final String ROOT = "pars-reader";

    private CommandTable() {}

    /** The subcommand of the root named {@code name}, or null (also for {@code help}, which needs every name). */
    static Class<?> top(String name) {
        return switch (name) {
            case "info" -> InfoCommand.class;
            case "volume-stats" -> VolumeStatsCommand.class;
            case "generate-sample" -> GenerateSampleCommand.class;
            case "demo" -> DemoCommand.class;
            case "findings" -> FindingsCommand.class;
            case "score" -> ScoreCommand.class;
            case "agreement" -> AgreementCommand.class;
            case "generate-cohort" -> GenerateCohortCommand.class;
            case "quantify-contrast" -> QuantifyContrastCommand.class;
            case "bme-ratio" -> BmeRatioCommand.class;
            case "batch" -> BatchCommand.class;
            case "batch-merge" -> BatchMergeCommand.class;
            case "reformat" -> ReformatCommand.class;
            case "export-sr" -> DicomSrCommands.ExportSr.class;
            case "export-seg" -> DicomSrCommands.ExportSeg.class;
            case "import-sr" -> DicomSrCommands.ImportSr.class;
            case "study" -> StudyCommand.class;
            case "pacs" -> PacsCommand.class;
            default -> null;
        };
    }

    /**
     * The command named {@code name} in {@code group}, for the groups that have no options of their
     * own (so the group can be built bare around it); null for any other group or name.
     */
    static Class<?> nested(Class<?> group, String name) {
        if (group == PacsCommand.class) {
            return switch (name) {
                case "query" -> PacsCommand.Query.class;
                case "retrieve" -> PacsCommand.Retrieve.class;
                case "store" -> PacsCommand.Store.class;
                case "send" -> PacsExchangeCommands.Send.class;
                case "batch" -> PacsExchangeCommands.Batch.class;
                default -> null;
            };
        }
        if (group == StudyCommand.class) {
            return switch (name) {
                case "init" -> StudyCommand.Init.class;
                case "status" -> StudyCommand.Status.class;
                case "worklist" -> StudyCommand.WorklistCmd.class;
                case "complete" -> StudyCommand.Complete.class;
                case "start-consensus" -> StudyCommand.StartConsensus.class;
                case "unlock" -> StudyCommand.Unlock.class;
                case "discrepancies" -> StudyCommand.DiscrepanciesCmd.class;
                case "consensus" -> StudyCommand.ConsensusCmd.class;
                case "resolve" -> StudyCommand.Resolve.class;
                case "add" -> StudyCommand.Add.class;
                default -> null;
            };
        }
        if (group == FindingsCommand.class) {
            return switch (name) {
                case "validate" -> FindingsCommand.Validate.class;
                case "export-csv" -> FindingsCommand.ExportCsv.class;
                case "versions" -> FindingsCommand.Versions.class;
                case "restore" -> FindingsCommand.Restore.class;
                case "set" -> FindingsSetCommand.class;
                case "comment" -> FindingsCommentCommand.class;
                case "migrate" -> FindingsMigrateCommand.class;
                default -> null;
            };
        }
        return null;
    }
}
