using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ciclo.Tests.Support;

/// <summary>Writes real .xlsx workbooks with the Open XML SDK, as Excel stores them: text in the
/// shared-string table, numbers as numbers, dates as serial numbers with a date format.</summary>
public static class XlsxFile
{
    /// <summary>A date cell: Excel's serial day number, shown with a date format.</summary>
    public sealed record ExcelDate(DateTime Value);

    /// <summary>Writes one sheet per entry; each row is a list of cells (string, number, bool, <see cref="ExcelDate"/> or null).</summary>
    public static void Write(string path, params (string Sheet, object?[][] Rows)[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true }));
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var index = new Dictionary<string, int>();
        var sheetList = workbook.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var (name, rows) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is not { } value)
                    {
                        continue;
                    }

                    var cell = new Cell { CellReference = ((char)('A' + c)).ToString() + (r + 1).ToString(CultureInfo.InvariantCulture) };
                    switch (value)
                    {
                        case string s:
                            if (!index.TryGetValue(s, out var i))
                            {
                                i = index.Count;
                                index[s] = i;
                                strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve }));
                            }

                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                            break;
                        case bool b:
                            cell.DataType = CellValues.Boolean;
                            cell.CellValue = new CellValue(b ? "1" : "0");
                            break;
                        case ExcelDate d:
                            cell.StyleIndex = d.Value.TimeOfDay == TimeSpan.Zero ? 1u : 2u;
                            cell.CellValue = new CellValue(d.Value.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                            break;
                        default:
                            cell.CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                            break;
                    }

                    row.AppendChild(cell);
                }

                data.AppendChild(row);
            }

            part.Worksheet = new Worksheet(data);
            sheetList.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
        }

        workbook.Workbook.Save();
    }
}
