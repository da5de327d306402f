using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ciclo.Import;

/// <summary>
/// An Excel workbook (.xlsx), read with the Open XML SDK: one sheet (the first, or the one
/// named), whose first non-empty row is the header. A record's line is the sheet's row number,
/// as Excel shows it. Cells typed by Excel are read in ISO form (numbers to 15 significant
/// digits, as Excel shows them; date cells as dates, or timestamps when they hold a time;
/// booleans as true/false) and are never read in a culture; text cells are read as written.
/// </summary>
public sealed partial class XlsxRowSource : IRowSource
{
    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly List<string> _sharedStrings = [];
    private readonly List<bool> _dateStyles = [];
    private readonly bool _date1904;
    private readonly long _headerRow;
    private long _rowsRead;
    private readonly long _rowsTotal;

    public XlsxRowSource(string path, string? sheetName = null)
    {
        try
        {
            _document = SpreadsheetDocument.Open(path, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or ArgumentException)
        {
            throw new FileRefusedException(path, "FileXlsxInvalid", e.Message);
        }

        try
        {
            var workbook = _document.WorkbookPart ?? throw new FileRefusedException(path, "FileXlsxInvalid", "no workbook");
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var sheet = sheetName is null
                ? sheets.FirstOrDefault()
                : sheets.FirstOrDefault(s => string.Equals(s.Name?.Value, sheetName, StringComparison.OrdinalIgnoreCase));
            if (sheet?.Id?.Value is not { } id)
            {
                throw new FileRefusedException(path, "FileXlsxNoSheet", sheetName ?? "-", string.Join(", ", sheets.Select(s => s.Name?.Value)));
            }

            SheetName = sheet.Name?.Value ?? string.Empty;
            _sheet = workbook.GetPartById(id) as WorksheetPart ?? throw new FileRefusedException(path, "FileXlsxNoSheet", SheetName, string.Join(", ", sheets.Select(s => s.Name?.Value)));
            _date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;
            ReadSharedStrings(workbook);
            ReadStyles(workbook);

            // The header is the first row with a value.
            foreach (var (line, values, _) in Rows())
            {
                _rowsTotal++;
                if (Header.Count == 0 && values.Any(v => !string.IsNullOrWhiteSpace(v)))
                {
                    Header = values.Select(v => (v ?? string.Empty).Trim()).ToList();
                    _headerRow = line;
                }
            }

            if (Header.Count == 0)
            {
                throw new FileRefusedException(path, "FileEmpty");
            }

            Format = new SourceFormat("xlsx", Sheet: SheetName);
        }
        catch
        {
            _document.Dispose();
            throw;
        }
    }

    public string SheetName { get; }

    public IReadOnlyList<string> Header { get; private set; } = [];

    public double Progress => _rowsTotal == 0 ? 1 : (double)_rowsRead / _rowsTotal;

    public SourceFormat Format { get; }

    public IEnumerable<RawRow> ReadRows()
    {
        foreach (var (line, cells, types) in Rows())
        {
            _rowsRead++;
            var (values, typed) = (cells, types);
            if (line <= _headerRow || values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var width = Math.Max(values.Length, Header.Count);
            Array.Resize(ref values, width);
            Array.Resize(ref typed, width);
            RowIssue[]? issues = null;
            var extra = Enumerable.Range(Header.Count, width - Header.Count).FirstOrDefault(i => !string.IsNullOrWhiteSpace(values[i]), -1);
            if (extra >= 0)
            {
                issues = [new RowIssue(ColumnLetters(extra), values[extra], "extra_values", Header.Count.ToString(CultureInfo.InvariantCulture))];
            }

            yield return new RawRow(line, values, typed, issues);
        }
    }

    private IEnumerable<(long Line, string?[] Values, bool[] Typed)> Rows()
    {
        using var reader = OpenXmlReader.Create(_sheet);
        long next = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var line = row.RowIndex?.Value is { } r ? (long)r : next;
            next = line + 1;
            var values = new List<string?>();
            var typed = new List<bool>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : values.Count;
                while (values.Count <= column)
                {
                    values.Add(null);
                    typed.Add(false);
                }

                (values[column], typed[column]) = Value(cell);
            }

            yield return (line, values.ToArray(), typed.ToArray());
        }
    }

    private (string? Value, bool Typed) Value(Cell cell)
    {
        var text = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count ? _sharedStrings[i] : null, false);
        }

        if (type == CellValues.InlineString)
        {
            return (Plain(cell.InlineString), false);
        }

        if (type == CellValues.Boolean)
        {
            return (text == "1" ? "true" : text == "0" ? "false" : text, true);
        }

        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date)
        {
            return (text, false);
        }

        if (string.IsNullOrEmpty(text) || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return (text, false);
        }

        var style = cell.StyleIndex?.Value is { } s ? (int)s : 0;
        if (style < _dateStyles.Count && _dateStyles[style] && number is >= 0 and < 2958465)
        {
            var when = DateTime.FromOADate(number + (_date1904 ? 1462 : 0));
            when = new DateTime((when.Ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
            return (when.TimeOfDay == TimeSpan.Zero
                ? when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : when.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), true);
        }

        // Excel keeps 15 significant digits; show the number as Excel does, in plain notation.
        var shown = decimal.Parse(number.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        return (shown.ToString(CultureInfo.InvariantCulture), true);
    }

    private void ReadSharedStrings(WorkbookPart workbook)
    {
        if (workbook.SharedStringTablePart?.SharedStringTable is { } table)
        {
            _sharedStrings.AddRange(table.Elements<SharedStringItem>().Select(Plain));
        }
    }

    /// <summary>The text of a string item: its plain text or its rich-text runs, without phonetic hints.</summary>
    private static string Plain(OpenXmlElement? item)
    {
        if (item is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t)
            {
                sb.Append(t.Text);
            }
            else if (child is Run run)
            {
                sb.Append(string.Concat(run.Elements<Text>().Select(x => x.Text)));
            }
        }

        return sb.ToString();
    }

    private void ReadStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? string.Empty) ?? [];
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            _dateStyles.Add(custom.TryGetValue(id, out var code) ? IsDateFormat(code) : id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58));
        }
    }

    /// <summary>A number format shows a date or time when it uses d, m, y, h or s outside quoted
    /// text, brackets and escapes.</summary>
    private static bool IsDateFormat(string code) => DateLetters().IsMatch(FormatNoise().Replace(code, string.Empty));

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    [GeneratedRegex(@"""[^""]*""|\[[^\]]*\]|\\.|_.|\*.", RegexOptions.CultureInvariant)]
    private static partial Regex FormatNoise();

    [GeneratedRegex("[dmyhsDMYHS]", RegexOptions.CultureInvariant)]
    private static partial Regex DateLetters();

    public void Dispose() => _document.Dispose();
}
