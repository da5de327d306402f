namespace Ciclo.Import;

/// <summary>What one import did. Every row read is counted exactly once:
/// <c>Read = Inserted + Updated + Unchanged + Repeated + Rejected</c>.</summary>
public sealed record ImportSummary(
    string Entity,
    string File,
    long Read,
    long Inserted,
    long Updated,
    long Unchanged,
    long Repeated,
    long Rejected,
    IReadOnlyList<string> UnknownColumns)
{
    /// <summary>How the file was read: type, encoding, separator, sheet, culture.</summary>
    public SourceFormat? Format { get; init; }

    /// <summary>Rejected numbers and dates that look written in a local form (read without a culture).</summary>
    public long LocalFormsRejected { get; init; }

    /// <summary>The import's row in the workspace's <c>imports</c> table.</summary>
    public long ImportId { get; init; }

    /// <summary>The campaigns whose per-send rows the import rewrote (an import of campaign events):
    /// what it changed of the tables derived from the events.</summary>
    public IReadOnlyList<string> RewrittenCampaigns { get; init; } = [];
}
