using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ciclo.Demo;

/// <summary>
/// A minimal RFC 4180 writer: UTF-8 without BOM, '\n' line ends, a field is quoted (inner
/// quotes doubled) only when it holds a comma, a quote or a line break; formats are invariant.
/// </summary>
internal sealed class DemoCsvWriter : IDisposable
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");
    private readonly StreamWriter _writer;
    private bool _rowStarted;

    public DemoCsvWriter(string path, params string[] header)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        foreach (var column in header)
        {
            Text(column);
        }

        _writer.Write('\n');
        _rowStarted = false;
    }

    /// <summary>Data rows written so far (the header not counted).</summary>
    public int Rows { get; private set; }

    public DemoCsvWriter Text(string? value)
    {
        if (_rowStarted)
        {
            _writer.Write(',');
        }

        _rowStarted = true;
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        if (value.AsSpan().IndexOfAny(Special) < 0)
        {
            _writer.Write(value);
            return this;
        }

        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
        return this;
    }

    public DemoCsvWriter Date(DateOnly? value) => Text(value is { } d ? DemoCalendar.Format(d) : null);

    public DemoCsvWriter Amount(decimal? value) => Text(value?.ToString("0.00", CultureInfo.InvariantCulture));

    public DemoCsvWriter Integer(long value) => Text(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An instant written in the given offset: <c>Z</c> for UTC, else <c>+hh:mm</c>.</summary>
    public DemoCsvWriter Timestamp(DateTimeOffset instant, TimeSpan offset)
    {
        var local = instant.ToOffset(offset);
        var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + (offset == TimeSpan.Zero ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture));
        return Text(text);
    }

    public void EndRow()
    {
        _writer.Write('\n');
        _rowStarted = false;
        Rows++;
    }

    public void Dispose() => _writer.Dispose();
}
