using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Ciclo.Warehouse.ClickHouse;

/// <summary>Reads a TSVWithNamesAndTypes answer: Date as DateOnly, DateTime as UTC DateTime,
/// Decimal as decimal, integers as long, floats as double, \N as NULL.</summary>
public sealed class ClickHouseDataReader : DbDataReader
{
    private readonly string[] _names;
    private readonly string[] _types;
    private readonly List<object?[]> _rows;
    private int _index = -1;

    private ClickHouseDataReader(string[] names, string[] types, List<object?[]> rows)
    {
        _names = names;
        _types = types;
        _rows = rows;
    }

    public static ClickHouseDataReader Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0].Length == 0 && lines.Length < 3)
        {
            return new ClickHouseDataReader([], [], []);
        }

        var names = lines[0].Split('\t').Select(Unescape).ToArray();
        var types = lines[1].Split('\t').Select(Unescape).ToArray();
        var rows = new List<object?[]>();
        for (var i = 2; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 && i == lines.Length - 1)
            {
                break;
            }

            var cells = lines[i].Split('\t');
            rows.Add(cells.Select((c, k) => c == "\\N" ? null : Convert(Unescape(c), types[k])).ToArray());
        }

        return new ClickHouseDataReader(names, types, rows);
    }

    private static object? Convert(string text, string type)
    {
        var t = type;
        while (t.StartsWith("Nullable(", StringComparison.Ordinal) || t.StartsWith("LowCardinality(", StringComparison.Ordinal))
        {
            t = t[(t.IndexOf('(', StringComparison.Ordinal) + 1)..^1];
        }

        if (t == "Date")
        {
            return text == "0000-00-00" ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (t.StartsWith("DateTime", StringComparison.Ordinal))
        {
            // The zero time is the default ClickHouse gives an aggregate over no rows (max of an empty
            // table), as 0000-00-00 is for dates: no value, as in SQL.
            return text == "0000-00-00 00:00:00" ? null : DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Utc);
        }

        if (t.StartsWith("Decimal", StringComparison.Ordinal))
        {
            return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (t.StartsWith("UInt", StringComparison.Ordinal) || t.StartsWith("Int", StringComparison.Ordinal))
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (object)decimal.Parse(text, CultureInfo.InvariantCulture);
        }

        if (t.StartsWith("Float", StringComparison.Ordinal))
        {
            return text switch
            {
                "nan" or "-nan" => double.NaN,
                "inf" or "+inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                _ => double.Parse(text, CultureInfo.InvariantCulture),
            };
        }

        return text;
    }

    private static string Unescape(string cell)
    {
        if (!cell.Contains('\\', StringComparison.Ordinal))
        {
            return cell;
        }

        var sb = new StringBuilder(cell.Length);
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\\' && i + 1 < cell.Length)
            {
                i++;
                sb.Append(cell[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', '0' => '\0', 'b' => '\b', 'f' => '\f', _ => cell[i] });
            }
            else
            {
                sb.Append(cell[i]);
            }
        }

        return sb.ToString();
    }

    public override int FieldCount => _names.Length;

    public override bool HasRows => _rows.Count > 0;

    public override bool IsClosed => false;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read() => ++_index < _rows.Count;

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => _names[ordinal];

    public override int GetOrdinal(string name) => Array.IndexOf(_names, name) is var i and >= 0 ? i : throw new IndexOutOfRangeException(name);

    public override object GetValue(int ordinal) => _rows[_index][ordinal] ?? DBNull.Value;

    public override bool IsDBNull(int ordinal) => _rows[_index][ordinal] is null;

    public override string GetDataTypeName(int ordinal) => _types[ordinal];

    public override Type GetFieldType(int ordinal) => _rows.FirstOrDefault(r => r[ordinal] is not null)?[ordinal]?.GetType() ?? typeof(string);

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < n; i++)
        {
            values[i] = GetValue(i);
        }

        return n;
    }

    public override T GetFieldValue<T>(int ordinal) => (T)GetValue(ordinal);

    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    public override long GetInt64(int ordinal) => System.Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override int GetInt32(int ordinal) => System.Convert.ToInt32(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override short GetInt16(int ordinal) => System.Convert.ToInt16(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override double GetDouble(int ordinal) => System.Convert.ToDouble(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override float GetFloat(int ordinal) => System.Convert.ToSingle(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override decimal GetDecimal(int ordinal) => System.Convert.ToDecimal(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override bool GetBoolean(int ordinal) => System.Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture) != 0;

    public override byte GetByte(int ordinal) => System.Convert.ToByte(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    public override DateTime GetDateTime(int ordinal) => GetValue(ordinal) is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : (DateTime)GetValue(ordinal);

    public override Guid GetGuid(int ordinal) => Guid.Parse(GetString(ordinal));

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();
}
