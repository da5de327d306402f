using System.Globalization;
using DuckDB.NET.Data;

namespace Ciclo.Import;

/// <summary>Parquet, read through DuckDB's built-in reader. Rows have no lines: a row is reported
/// at row number + 1, as if the file had a header line like a CSV.</summary>
public sealed class ParquetRowSource : IRowSource
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBCommand _command;
    private readonly DuckDBDataReader _reader;
    private readonly long _total;
    private long _read;

    public ParquetRowSource(string path)
    {
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        try
        {
            using (var count = _connection.CreateCommand())
            {
                count.CommandText = "SELECT count(*) FROM read_parquet($1)";
                count.Parameters.Add(new DuckDBParameter(path));
                _total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            _command = _connection.CreateCommand();
            _command.CommandText = "SELECT * FROM read_parquet($1)";
            _command.Parameters.Add(new DuckDBParameter(path));
            _reader = (DuckDBDataReader)_command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            _connection.Dispose();
            throw new FileRefusedException(path, "FileParquetInvalid", e.Message);
        }

        Header = Enumerable.Range(0, _reader.FieldCount).Select(_reader.GetName).ToArray();
    }

    public IReadOnlyList<string> Header { get; }

    public SourceFormat Format { get; } = new("parquet");

    public double Progress => _total == 0 ? 1 : (double)_read / _total;

    public IEnumerable<RawRow> ReadRows()
    {
        while (_reader.Read())
        {
            _read++;
            var values = new string?[_reader.FieldCount];
            var typed = new bool[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var value = _reader.IsDBNull(i) ? null : _reader.GetValue(i);
                values[i] = value is null ? null : AsText(value);
                typed[i] = value is not null and not string;
            }

            yield return new RawRow(_read + 1, values, typed);
        }
    }

    private static string AsText(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when t.Kind == DateTimeKind.Utc => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
        _connection.Dispose();
    }
}
