namespace Ciclo.Import;

/// <summary>
/// The share of an import done after each of its steps, as its progress tells it: reading the file
/// (staged as text by Ciclo's reader, which tells its own progress within it, then copied into
/// types; or read straight into types by DuckDB's, which tells none until it is done), the rule
/// checks, the comparison with the stored rows, the derived rows (per-send rows and their
/// rollups), then the insert and the commit. The shares follow
/// where an events import of scale M spends its time (docs/performance.md), so that a bar moves with
/// the work rather than standing at 100 % while half of it remains.
/// </summary>
internal static class ImportPhases
{
    public const double Read = 0.30;
    public const double Typed = 0.45;
    public const double Checked = 0.55;
    public const double Compared = 0.60;
    public const double Derived = 0.85;

    /// <summary>The reader's progress (0 to 1 of the file) as a share of the whole import.</summary>
    public static IProgress<double>? Reading(IProgress<double>? progress) => progress is null ? null : new Scaled(progress);

    private sealed class Scaled(IProgress<double> whole) : IProgress<double>
    {
        public void Report(double value) => whole.Report(Math.Clamp(value, 0, 1) * Read);
    }
}
