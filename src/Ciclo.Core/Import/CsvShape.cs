namespace Ciclo.Import;

/// <summary>
/// What the scan before DuckDB's reader found in a CSV file that qualifies: how many records follow
/// the header, whether some value is padded with spaces, and where records that span lines (a
/// quoted value holding line feeds) shift the lines of those after them: each entry names the
/// first record (counted from 0 after the header) whose line lies <c>Extra</c> lines further than
/// its position gives, until the next entry. Empty when every record is one line.
/// </summary>
internal sealed record CsvShape(long Records, bool Spaces, IReadOnlyList<(long Record, long Extra)> Shifts);
