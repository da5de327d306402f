using System.Text;
using Ciclo.Import;
using Ciclo.Presenters;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Import;

/// <summary>Files as spreadsheets and other tools really write them: separators, byte-order
/// marks, CRLF, local number and date forms, legacy encodings and Excel workbooks.</summary>
public sealed class RealWorldFormatTests
{
    private static readonly ImportOptions Italian = ImportOptions.Parse("it-IT", null, null, null);

    private static ImportSummary Import(TestWorkspace ws, string entity, string path, ImportOptions? options = null) =>
        new Importer(ws.Workspace).Import(Entities.Find(entity)!, path, null, options);

    private static string Bytes(TestWorkspace ws, string name, byte[] content)
    {
        var path = Path.Combine(ws.Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void An_Italian_Excel_export_loads_with_semicolons_BOM_CRLF_decimal_commas_and_day_first_dates()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("customers", "customer_id,acquired_on", "C1,2024-01-01");
        var text = "revenue_id;customer_id;booked_on;amount;kind\r\n" +
                   "R1;C1;15/03/2024;1.250,50;new\r\n" +
                   "R2;C1;1/4/2024;-12,5;refund\r\n" +
                   "R3;C1;2024-04-02;1.234.567,891;upsell\r\n" +
                   "R4;C1;31/02/2024;10;new\r\n" +
                   "R5;C1;16/03/2024;1.5;new\r\n";
        var path = Bytes(ws, "ricavi.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        var summary = Import(ws, "revenue", path, Italian);

        Assert.Equal((5L, 3L, 2L), (summary.Read, summary.Inserted, summary.Rejected));
        Assert.Equal(new SourceFormat("csv", "UTF-8 BOM", ';') { Culture = "it-IT" }, summary.Format);
        Assert.Equal(1250.5m, ws.Workspace.Scalar("SELECT amount FROM revenue WHERE revenue_id = 'R1'"));
        Assert.Equal(new DateOnly(2024, 3, 15), ws.Workspace.Scalar("SELECT booked_on FROM revenue WHERE revenue_id = 'R1'"));
        Assert.Equal(-12.5m, ws.Workspace.Scalar("SELECT amount FROM revenue WHERE revenue_id = 'R2'"));
        Assert.Equal(new DateOnly(2024, 4, 1), ws.Workspace.Scalar("SELECT booked_on FROM revenue WHERE revenue_id = 'R2'"));
        Assert.Equal(1234567.891m, ws.Workspace.Scalar("SELECT amount FROM revenue WHERE revenue_id = 'R3'"));
        var rejections = Importer.Quarantine(ws.Workspace, "revenue").Select(r => (r.Line, r.Column, r.Value, r.Reason)).ToList();
        Assert.Equal([(5L, "booked_on", "31/02/2024", "not_a_date"), (6L, "amount", "1.5", "not_a_number")], rejections);
        var text5 = ImportSummaryPresenter.Render(summary, "en");
        Assert.Contains("separated by semicolon; numbers and dates: it-IT (1.234,56 · 15/03/2024)", text5);
        Assert.Contains("UTF-8 BOM", text5);
        var reason = ImportSummaryPresenter.Reason(Importer.Quarantine(ws.Workspace, "revenue")[1], "it");
        Assert.Equal("non è un numero scritto come in it-IT: 1.234,56", reason);
    }

    [Fact]
    public void Without_a_culture_a_decimal_comma_is_rejected_not_misread()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("customers", "customer_id,acquired_on", "C1,2024-01-01");

        var summary = ws.ImportCsv("revenue", "revenue_id;customer_id;booked_on;amount;kind", "R1;C1;2024-03-15;12,5;new", "R2;C1;15/03/2024;12.5;new");

        Assert.Equal((0L, 2L), (summary.Inserted, summary.Rejected));
        Assert.Equal(["not_a_number", "not_a_date"], Importer.Quarantine(ws.Workspace).Select(r => r.Reason));
        Assert.Equal(';', summary.Format!.Delimiter);
        Assert.Null(summary.Format.Culture);
        Assert.Equal(2L, summary.LocalFormsRejected);
        Assert.Contains("--culture", ImportSummaryPresenter.Render(summary, "en"));
    }

    [Fact]
    public void Timestamps_in_a_culture_are_read_day_first_with_the_time()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,started_on", "K1,N,email,customers,expand,2024-01-01");
        var path = ws.File("eventi.csv", "campaign_id;contact_id;event;occurred_at", "K1;p;sent;15/03/2024 09:30", "K1;q;sent;15/03/2024 9.30.15", "K1;r;sent;2024-03-15T09:30:00Z");

        var summary = Import(ws, "campaign_events", path, Italian);

        Assert.Equal(3L, summary.Inserted);
        Assert.Equal("09:30:00,09:30:00,09:30:15", ws.Workspace.Scalar(
            "SELECT string_agg(strftime(timezone('UTC', occurred_at), '%H:%M:%S'), ',' ORDER BY strftime(timezone('UTC', occurred_at), '%H:%M:%S')) FROM campaign_events"));
    }

    [Fact]
    public void A_culture_with_space_groups_and_a_month_first_culture_are_read_as_written()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("customers", "customer_id,acquired_on", "C1,2024-01-01");
        var french = Import(ws, "fx_rates", ws.File("fr.csv", "currency;day;rate", "USD;15/03/2024;1\u202F234,5", "GBP;15/03/2024;0,85"), ImportOptions.Parse("fr-FR", null, null, null));
        var american = Import(ws, "fx_rates", ws.File("us.csv", "currency,day,rate", "CHF,03/15/2024,\"1,234.5\""), ImportOptions.Parse("en-US", null, null, null));

        Assert.Equal((2L, 1L), (french.Inserted, american.Inserted));
        Assert.Equal(1234.5m, ws.Workspace.Scalar("SELECT rate FROM fx_rates WHERE currency = 'USD'"));
        Assert.Equal(new DateOnly(2024, 3, 15), ws.Workspace.Scalar("SELECT day FROM fx_rates WHERE currency = 'CHF'"));
    }

    [Fact]
    public void Tabs_are_detected_and_a_comma_inside_a_value_does_not_confuse_the_detection()
    {
        using var ws = new TestWorkspace();
        var tabs = ws.ImportCsv("customers", "customer_id\tname\tacquired_on", "A\tRossi, Bianchi & C.\t2024-01-01");
        var commas = ws.ImportCsv("customers", "customer_id,name,acquired_on", "B,\"Verdi; Neri\",2024-01-01");

        Assert.Equal(('\t', 1L, ',', 1L), (tabs.Format!.Delimiter, tabs.Inserted, commas.Format!.Delimiter, commas.Inserted));
        Assert.Equal("Rossi, Bianchi & C.", ws.Workspace.Scalar("SELECT name FROM customers WHERE customer_id = 'A'"));
        Assert.Equal("Verdi; Neri", ws.Workspace.Scalar("SELECT name FROM customers WHERE customer_id = 'B'"));
    }

    [Fact]
    public void CRLF_and_lone_CR_records_keep_physical_lines_and_a_quoted_CRLF_becomes_a_line_break()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("customers", "customer_id,acquired_on", "C1,2024-01-01");
        var path = Bytes(ws, "s.csv", Encoding.UTF8.GetBytes(
            "response_id,customer_id,answered_on,score,comment\r\nS1,C1,2024-01-02,9,\"riga uno\r\nriga due\"\r\nS2,C1,2024-01-02,11,\rS3,C1,2024-01-02,7,ok\r\n"));

        var summary = Import(ws, "surveys", path);

        Assert.Equal((3L, 2L, 1L), (summary.Read, summary.Inserted, summary.Rejected));
        Assert.Equal("riga uno\nriga due", ws.Workspace.Scalar("SELECT comment FROM surveys WHERE response_id = 'S1'"));
        Assert.Equal(4L, Importer.Quarantine(ws.Workspace).Single().Line);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void UTF16_files_with_a_byte_order_mark_are_decoded(string encoding)
    {
        using var ws = new TestWorkspace();
        var e = encoding == "utf-16" ? new UnicodeEncoding(false, true) : new UnicodeEncoding(true, true);
        var path = Bytes(ws, "c.csv", [.. e.GetPreamble(), .. e.GetBytes("customer_id\tname\tacquired_on\r\nA\tمتجر الرياض\t2024-01-01\r\nB\tCaffè\tnot a date\r\n")]);

        var summary = Import(ws, "customers", path);

        Assert.Equal((1L, 1L), (summary.Inserted, summary.Rejected));
        Assert.StartsWith("UTF-16 " + (encoding == "utf-16" ? "LE" : "BE"), summary.Format!.Encoding);
        Assert.Equal("متجر الرياض", ws.Workspace.Scalar("SELECT name FROM customers"));
        Assert.Equal(3L, Importer.Quarantine(ws.Workspace).Single().Line);
    }

    [Fact]
    public void A_Windows_1252_file_is_refused_naming_file_line_and_byte_and_loads_when_its_encoding_is_declared()
    {
        using var ws = new TestWorkspace();
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var path = Bytes(ws, "clienti.csv", cp1252.GetBytes("customer_id;name;acquired_on\nA;Rossi;2024-01-01\nB;Caffè “Roma” – 5€;2024-01-02\n"));

        var error = Assert.Throws<FileRefusedException>(() => Import(ws, "customers", path));

        Assert.Equal("FileNotUtf8", error.MessageKey);
        Assert.Equal("clienti.csv: refused, line 3, byte 7 (0xE8) is not valid UTF-8; the file may be Windows-1252 or Latin-1: save it as UTF-8, or declare its encoding (--encoding windows-1252); nothing was loaded.",
            Localization.Text.Format("en", error.MessageKey, [Path.GetFileName(error.File), .. error.Arguments.Skip(1)]));
        Assert.Equal(0, ws.Count("customers"));

        var summary = Import(ws, "customers", path, ImportOptions.Parse(null, "windows-1252", null, null));

        Assert.Equal(2L, summary.Inserted);
        Assert.Equal("windows-1252", summary.Format!.Encoding);
        Assert.Equal("Caffè “Roma” – 5€", ws.Workspace.Scalar("SELECT name FROM customers WHERE customer_id = 'B'"));
    }

    [Fact]
    public void A_Latin1_JSON_Lines_file_is_refused_and_a_UTF16_file_without_BOM_is_refused_for_its_NUL_characters()
    {
        using var ws = new TestWorkspace();
        var latin1 = Bytes(ws, "c.jsonl", Encoding.Latin1.GetBytes("{\"customer_id\":\"A\",\"acquired_on\":\"2024-01-01\"}\n{\"customer_id\":\"Città\",\"acquired_on\":\"2024-01-01\"}\n"));
        var utf16 = Bytes(ws, "u.csv", Encoding.Unicode.GetBytes("customer_id,acquired_on\nA,2024-01-01\n"));

        var e1 = Assert.Throws<FileRefusedException>(() => Import(ws, "customers", latin1));
        var e2 = Assert.Throws<FileRefusedException>(() => Import(ws, "customers", utf16));

        Assert.Equal(("FileNotUtf8", 2L, 21L), (e1.MessageKey, (long)e1.Arguments[1], (long)e1.Arguments[2]));
        Assert.Equal(("FileNulCharacter", 1L), (e2.MessageKey, (long)e2.Arguments[1]));
        Assert.Equal(0, ws.Count("customers"));
    }

    [Fact]
    public void An_Excel_workbook_loads_typed_cells_text_cells_and_reports_sheet_rows()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("customers", "customer_id,acquired_on", "C1,2024-01-01");
        var path = Path.Combine(ws.Folder, "revenue.xlsx");
        XlsxFile.Write(path,
            ("Notes", [["ignored"]]),
            ("Ricavi", [
                ["revenue_id", "customer_id", "booked_on", "amount", "kind", "currency"],
                ["R1", "C1", new XlsxFile.ExcelDate(new DateTime(2024, 3, 15)), 1250.5, "new", null],
                [],
                ["R2", "C1", "16/03/2024", "1.000,25", "upsell", "eur"],
                ["R3", "C1", new XlsxFile.ExcelDate(new DateTime(2024, 3, 17)), 0.1 + 0.2, "renewal"],
                ["R4", "C1", new XlsxFile.ExcelDate(new DateTime(2024, 3, 17)), "abc", "renewal"],
            ]));

        var summary = Import(ws, "revenue", path, ImportOptions.Parse("it-IT", null, null, "ricavi"));

        Assert.Equal((4L, 3L, 1L), (summary.Read, summary.Inserted, summary.Rejected));
        Assert.Equal(new SourceFormat("xlsx", Sheet: "Ricavi") { Culture = "it-IT" }, summary.Format);
        Assert.Equal(1250.5m, ws.Workspace.Scalar("SELECT amount FROM revenue WHERE revenue_id = 'R1'"));
        Assert.Equal(new DateOnly(2024, 3, 15), ws.Workspace.Scalar("SELECT booked_on FROM revenue WHERE revenue_id = 'R1'"));
        Assert.Equal(1000.25m, ws.Workspace.Scalar("SELECT amount FROM revenue WHERE revenue_id = 'R2'"));
        Assert.Equal(0.3m, ws.Workspace.Scalar("SELECT amount FROM revenue WHERE revenue_id = 'R3'"));
        var rejection = Importer.Quarantine(ws.Workspace).Single();
        Assert.Equal((6L, "amount", "abc"), (rejection.Line, rejection.Column, rejection.Value));
    }

    [Fact]
    public void Excel_refusals_name_the_file_and_the_problem()
    {
        using var ws = new TestWorkspace();
        var path = Path.Combine(ws.Folder, "c.xlsx");
        XlsxFile.Write(path, ("Sheet1", [["customer_id", "acquired_on"], ["A", "2024-01-01"]]));
        var broken = Bytes(ws, "broken.xlsx", Encoding.UTF8.GetBytes("customer_id,acquired_on\nA,2024-01-01\n"));
        var old = Bytes(ws, "old.xls", [0xD0, 0xCF, 0x11, 0xE0]);

        Assert.Equal("FileXlsxNoSheet", Assert.Throws<FileRefusedException>(() => Import(ws, "customers", path, ImportOptions.Parse(null, null, null, "Clienti"))).MessageKey);
        Assert.Equal("FileXlsxInvalid", Assert.Throws<FileRefusedException>(() => Import(ws, "customers", broken)).MessageKey);
        Assert.Equal("FileOldExcel", Assert.Throws<FileRefusedException>(() => Import(ws, "customers", old)).MessageKey);
        Assert.Equal(1L, Import(ws, "customers", path).Inserted);
    }

    [Theory]
    [InlineData("xx-NOPE", null, null, "BadCulture")]
    [InlineData(null, "ebcdic", null, "BadEncoding")]
    [InlineData(null, null, "#", "BadDelimiter")]
    public void Unknown_options_are_refused_with_a_message(string? culture, string? encoding, string? delimiter, string key)
    {
        var error = Assert.Throws<ImportOptionException>(() => ImportOptions.Parse(culture, encoding, delimiter, null));

        Assert.Equal(key, error.MessageKey);
    }
}
