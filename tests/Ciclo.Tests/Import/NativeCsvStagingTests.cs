using System.Globalization;
using System.Text;
using System.Text.Json;
using Ciclo.Import;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Import;

/// <summary>
/// DuckDB's own CSV reader stages a plain file only where it reads exactly what Ciclo's reader
/// reads: every CSV of the bad-input corpus and every tricky but plain shape below gives the same
/// summary, the same quarantine (line, column, value, reason) and the same stored rows with it as
/// without it; the shapes it must not take are declined; and plain files do take it.
/// </summary>
public sealed class NativeCsvStagingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ciclo-tests", Guid.NewGuid().ToString("N"));

    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bad-input");

    private static readonly Lazy<List<JsonElement>> CsvCases = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus, "manifest.json"))).RootElement.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("file").GetString()!.EndsWith(".csv", StringComparison.Ordinal)).ToList());

    public static TheoryData<string> CorpusCsv => new(CsvCases.Value.Select(c => c.GetProperty("id").GetString()!));

    /// <summary>Plain shapes the native reader takes (header customer_id,name,segment,region,acquired_on).</summary>
    public static TheoryData<string, string> PlainShapes => new()
    {
        { "quoted", "\"C1\",\"Acme, Inc.\",\"SMB\",\"IT\",\"2023-01-01\"\n\"C2\",\"Say \"\"hi\"\"\",\"\",\"DE\",\"2023-02-01\"\n" },
        { "padded-with-spaces", "  C1 , Acme  ,SMB , IT,2023-01-01 \nC2,   ,,DE, 2023-02-01\n\" C3 \",\"  \",\"\",\" FR\",\"2023-03-01 \"\n" },
        { "crlf-bom", "\ufeffcustomer_id,name,segment,region,acquired_on\r\nC1,Acme,SMB,IT,2023-01-01\r\nC2,Beta,,DE,2023-02-01\r\n" },
        { "no-final-newline", "C1,Acme,SMB,IT,2023-01-01\nC2,Beta,,DE,2023-02-01" },
        { "semicolon", "customer_id;name;segment;region;acquired_on\nC1;Acme, Inc.;SMB;IT;2023-01-01\nC2;\"x;y\";;DE;2023-02-01\n" },
        { "arabic-and-bad-values", "C1,شركة الأمل,SMB,IT,2023-01-01\nC2,Beta,,DE,01/02/2023\n,Gamma,,FR,2023-03-01\nC1,Acme again,SMB,IT,2023-01-01\n" },
        { "tab-separated", "customer_id\tname\tsegment\tregion\tacquired_on\nC1\tAcme, Inc.\tSMB\tIT\t2023-01-01\nC2\t\"Beta\tGamma\"\t\tDE\t2023-02-01\n" },
        { "hash-and-null-words", "#C1,# not a comment,NULL,\\N,2023-01-01\nC2,NA,null,IT,2023-02-01\n" },
        { "only-spaces-line", "C1,Acme,SMB,IT,2023-01-01\n    ,,,,\n" },
        { "value-over-two-lines", "C1,\"Acme\nInc\",SMB,IT,2023-01-01\nC2,Beta,,DE,2023-02-01\n" },
        { "values-over-lines-then-bad-values", "C1,\"Acme\n\nInc \"\"the\nfirst\"\"\",SMB,IT,2023-01-01\nC2,\"Beta\",,DE,01/02/2023\nC3,\"Gamma,\nLtd\",,FR,never\n,Delta,,FR,2023-03-01\n" },
        { "crlf-lines-with-a-value-over-lines", "customer_id,name,segment,region,acquired_on\r\nC1,\"Acme\nInc\",SMB,IT,2023-01-01\r\nC2,Beta,,DE,bad\r\n" },
        { "value-over-lines-padded-with-spaces", "C1,\" Acme\nInc \", SMB ,IT,2023-01-01\nC2, Beta,,DE,2023-02-01\n" },
    };

    /// <summary>Shapes only Ciclo's reader reads as it must.</summary>
    public static TheoryData<string, string> DeclinedShapes => new()
    {
        { "padded-with-other-space", "C1,\u00a0Acme\u2003,\tSMB\t,IT,2023-01-01\n" },
        { "padded-inside-spaces", "C1, \tAcme,SMB,IT,2023-01-01\n" },
        { "blank-line", "C1,Acme,SMB,IT,2023-01-01\n\nC2,Beta,,DE,2023-02-01\n" },
        { "quoted-blank-line", "C1,Acme,SMB,IT,2023-01-01\n\"\"\nC2,Beta,,DE,2023-02-01\n" },
        { "crlf-inside-a-value", "C1,\"Acme\r\nInc\",SMB,IT,2023-01-01\nC2,Beta,,DE,2023-02-01\n" },
        { "value-starting-with-a-line-break", "C1,\"\nAcme\",SMB,IT,2023-01-01\n" },
        { "value-ending-with-a-line-break", "C1,\"Acme  \n\",SMB,IT,2023-01-01\n" },
        { "value-only-a-line-break", "C1,\"\n\",SMB,IT,2023-01-01\n" },
        { "quote-never-closed", "C1,\"Acme\nInc,SMB,IT,2023-01-01\nC2,Beta,,DE,2023-02-01\n" },
        { "lone-cr", "C1,Acme,SMB,IT,2023-01-01\rC2,Beta,,DE,2023-02-01\n" },
        { "quote-inside-value", "C1,Ac\"me,SMB,IT,2023-01-01\n" },
        { "space-after-quote", "\"C1\"  ,Acme,SMB,IT,2023-01-01\n" },
        { "text-after-quote", "C1,\"Acme\" Inc,SMB,IT,2023-01-01\n" },
        { "space-before-quote", "C1, \"Acme\",SMB,IT,2023-01-01\n" },
        { "surplus-values", "C1,Acme,SMB,IT,2023-01-01,extra\n" },
        { "missing-values", "C1,Acme,SMB\n" },
        { "nul", "C1,Ac\0me,SMB,IT,2023-01-01\n" },
        { "sep-line", "sep=,\ncustomer_id,name,segment,region,acquired_on\nC1,Acme,SMB,IT,2023-01-01\n" },
    };

    private const string Header = "customer_id,name,segment,region,acquired_on\n";

    [Theory]
    [MemberData(nameof(CorpusCsv))]
    public void Each_corpus_file_gives_the_same_outcome_with_either_reader(string id)
    {
        var c = CsvCases.Value.Single(x => x.GetProperty("id").GetString() == id);
        var options = c.TryGetProperty("options", out var o)
            ? ImportOptions.Parse(Text(o, "culture"), Text(o, "encoding"), Text(o, "delimiter"), Text(o, "sheet"))
            : ImportOptions.Default;
        AssertSameOutcome(Entities.Find(c.GetProperty("entity").GetString()!)!, Path.Combine(Corpus, "cases", c.GetProperty("file").GetString()!), options);
    }

    [Theory]
    [MemberData(nameof(PlainShapes))]
    public void Plain_shapes_are_staged_natively_and_read_the_same(string name, string body)
    {
        var path = Write(name, body.StartsWith("customer_id", StringComparison.Ordinal) || body.StartsWith('\ufeff') ? body : Header + body);
        var records = Records(path);
        Assert.NotNull(records);
        Assert.Equal(records, StageCustomers(path).Records);
        AssertSameOutcome(Entities.Customers, path, ImportOptions.Default);
    }

    [Theory]
    [MemberData(nameof(DeclinedShapes))]
    public void Other_shapes_are_left_to_ciclos_reader(string name, string body)
    {
        var path = Write(name, body.StartsWith("sep=", StringComparison.Ordinal) ? body : Header + body);
        Assert.Null(Records(path));
        AssertSameOutcome(Entities.Customers, path, ImportOptions.Default);
    }

    /// <summary>DuckDB would read the path as a pattern matching <c>export 2.csv</c>, another file.</summary>
    [Fact]
    public void A_path_duckdb_would_read_as_a_pattern_is_left_to_ciclos_reader()
    {
        var other = Write("export 2", Header + "C9,Other file,SMB,IT,2023-01-01\n");
        var path = Write("export [2024]", Header + "C1,Acme,SMB,IT,2023-01-01\n");
        Assert.True(File.Exists(other));
        Assert.Null(StageCustomers(path).Records);
        AssertSameOutcome(Entities.Customers, path, ImportOptions.Default);
    }

    [Fact]
    public void Invalid_utf8_is_left_to_ciclos_reader()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "latin1.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(Header + "C1,Caf"), 0xE9, .. Encoding.UTF8.GetBytes(",SMB,IT,2023-01-01\n")]);
        Assert.Null(Records(path));
    }

    [Fact]
    public void The_example_and_most_of_the_corpus_are_staged_natively()
    {
        foreach (var entity in Fixtures.ExampleOrder)
        {
            var path = Fixtures.Example(entity + ".csv");
            Assert.Equal(File.ReadAllLines(path).Length - 1, Records(path));
        }

        var native = CsvCases.Value.Count(c => Records(Path.Combine(Corpus, "cases", c.GetProperty("file").GetString()!)) is not null);
        Assert.True(native >= CsvCases.Value.Count / 2, $"{native} of {CsvCases.Value.Count}");
    }

    /// <summary>A file long enough to span several of the scan's chunks, and a line across a chunk's end.</summary>
    [Fact]
    public void A_file_over_many_chunks_keeps_every_line()
    {
        var body = new StringBuilder(Header);
        for (var i = 0; i < 60_000; i++)
        {
            var day = new DateOnly(2020, 1, 1).AddDays(i % 1500).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $"C{i},\"Name {i}, with a comma\",{(i % 7 == 0 ? "Enterprise" : "SMB")},R{i % 13},{(i % 9_973 == 0 ? "never" : day)}\n");
        }

        var path = Write("many", body.ToString());
        Assert.Equal(60_000, Records(path));
        AssertSameOutcome(Entities.Customers, path, ImportOptions.Default);
    }

    /// <summary>A large file's scan runs in parts on several threads, each from a line feed on: in
    /// any number of parts, every shape above gives what one scan from the start gives (its records
    /// and spaces, or declined), a bad line in the last part declines it too, and the header's
    /// byte-order mark and the <c>sep=</c> line are the first part's alone.</summary>
    [Fact]
    public void A_scan_in_parts_finds_what_one_scan_finds()
    {
        var bodies = PlainShapes.Concat(DeclinedShapes).Select(row => ((string)row[0], (string)row[1])).ToList();
        var many = new StringBuilder(Header);
        for (var i = 0; i < 40; i++)
        {
            many.Append(CultureInfo.InvariantCulture, $"C{i},\"Name {i}, with a comma\",SMB,R{i % 3},2023-01-01\n");
        }

        bodies.Add(("many", many.ToString()));
        bodies.Add(("bad-last-line", many + "C99,\"Acme\nInc,SMB,IT,2023-01-01\n"));
        bodies.Add(("data-line-like-sep", many + "sep=1,Acme,SMB,IT,2023-01-01\n"));
        foreach (var (name, body) in bodies)
        {
            var path = Write("parts-" + name, body.StartsWith("customer_id", StringComparison.Ordinal) || body.StartsWith('\ufeff') || body.StartsWith("sep=", StringComparison.Ordinal) ? body : Header + body);
            var delimiter = name == "semicolon" ? (byte)';' : name == "tab-separated" ? (byte)'\t' : (byte)',';
            var whole = Summary(NativeCsvStaging.Shape(path, delimiter, 5, parts: 1));
            for (var parts = 2; parts <= 9; parts++)
            {
                Assert.True(whole == Summary(NativeCsvStaging.Shape(path, delimiter, 5, parts)), $"{name} in {parts} parts");
            }
        }

        // A line of data that reads "sep=" is refused only as the file's first line: with the lines
        // after it growing, some halving of the file starts its second part on it.
        for (var after = 0; after <= 100; after++)
        {
            var path = Write("parts-sep-" + after, many + "sep=1,Acme,SMB,IT,2023-01-01\n" + string.Concat(Enumerable.Repeat("C7,Beta,SMB,IT,2023-01-01\n", after)));
            Assert.Equal((41L + after, false, ""), Summary(NativeCsvStaging.Shape(path, (byte)',', 5, parts: 2)));
        }

        Assert.Equal((40L, false, ""), Summary(NativeCsvStaging.Shape(Write("parts-many-again", many.ToString()), (byte)',', 5, parts: 4)));
        Assert.Equal((41L, false, ""), Summary(NativeCsvStaging.Shape(Write("parts-sep-inside", many + "sep=1,Acme,SMB,IT,2023-01-01\n"), (byte)',', 5, parts: 4)));
        Assert.Null(NativeCsvStaging.Shape(Write("parts-bad-last", many + "C99,\"Acme\nInc,SMB,IT,2023-01-01\n"), (byte)',', 5, parts: 4));
        // A record over lines: C41 (record 41) spans three lines, so C42 (record 42) and any after it start two lines further down.
        Assert.Equal((43L, false, "42+2"), Summary(NativeCsvStaging.Shape(
            Write("parts-over-lines", many + "C40,Plain,SMB,IT,2023-01-01\nC41,\"One\ntwo\nthree\",SMB,IT,2023-01-01\nC42,Plain,SMB,IT,2023-01-01\n"), (byte)',', 5, parts: 4)));
    }

    /// <summary>DuckDB reads a large file in parallel blocks; the staged rows keep the file's order,
    /// so that each row's position gives its line (here every value names its own line).</summary>
    [Fact]
    public void A_file_read_in_parallel_blocks_keeps_its_order()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "large.csv");
        const int Rows = 1_500_000;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write(Header);
            for (var line = 2; line < Rows + 2; line++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"L{line},Customer on line {line},SMB,IT,2023-01-01\n"));
            }
        }

        Assert.Equal((Rows, 0L), StageCustomers(path, "SELECT count(*) FROM {staged} AS s WHERE s.customer_id <> 'L' || s.line"));
    }

    /// <summary>A large file whose quoted values span lines is scanned again from its start (its
    /// parts could start inside a value) and read by DuckDB's parallel reader; each row still gets
    /// the line its record starts on (here every record's id names that line).</summary>
    [Fact]
    public void A_large_file_with_values_over_lines_keeps_each_records_line()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "large-multiline.csv");
        const int Records = 400_000;
        var line = 2L;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write(Header);
            for (var r = 0; r < Records; r++)
            {
                var spans = r % 7 == 0 ? 1 + r % 3 : 0; // line feeds inside the name
                var name = "Customer" + string.Concat(Enumerable.Repeat("\nmore", spans));
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"L{line},\"{name}\",SMB,IT,2023-01-01\n"));
                line += 1 + spans;
            }
        }

        var shape = NativeCsvStaging.Shape(path, (byte)',', 5, parts: 2);
        Assert.NotNull(shape);
        Assert.Equal(Records, shape.Records);
        Assert.NotEmpty(shape.Shifts);
        Assert.Equal((Records, 0L), StageCustomers(path, "SELECT count(*) FROM {staged} AS s WHERE s.customer_id <> 'L' || s.line"));
        Assert.Equal((Records, (long)Records / 7 + 1), StageCustomers(path, "SELECT count(*) FROM {staged} AS s WHERE s.name LIKE '%' || chr(10) || 'more%'"));
    }

    /// <summary>Stages a customers file with DuckDB's reader into a fresh in-memory database, as the
    /// importer calls it, and returns how many records it staged (null: declined) and the answer of
    /// <paramref name="query"/> over the staged rows with their lines (<c>{staged}</c>).</summary>
    private static (long? Records, long? Answer) StageCustomers(string path, string? query = null)
    {
        using var source = RowSourceFactory.Open(path);
        using var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        duck.Open();
        var (mapping, _) = Importer.MapHeader(Entities.Customers, source.Header, path);
        var records = NativeCsvStaging.TryStage(duck, "staged", Entities.Customers, path, ImportOptions.Default, source.Format, source.Header.Count, mapping);
        if (query is null || records is null)
        {
            return (records, null);
        }

        using var command = duck.CreateCommand();
        command.CommandText = query.Replace("{staged}", "staged", StringComparison.Ordinal);
        return (records, Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    /// <summary>A scan's records, spaces and shifts ("record+extra" each, space-separated), comparable as a whole.</summary>
    private static (long Records, bool Spaces, string Shifts)? Summary(CsvShape? shape) =>
        shape is null ? null : (shape.Records, shape.Spaces, string.Join(' ', shape.Shifts.Select(s => $"{s.Record}+{s.Extra}")));

    private static long? Records(string path)
    {
        try
        {
            using var source = RowSourceFactory.Open(path);
            return source.Format.Type == "csv" && source.Format.Encoding is "UTF-8" or "UTF-8 BOM"
                ? NativeCsvStaging.Shape(path, (byte)source.Format.Delimiter!.Value, source.Header.Count)?.Records
                : null;
        }
        catch (FileRefusedException)
        {
            return null;
        }
    }

    private static void AssertSameOutcome(EntitySchema entity, string path, ImportOptions options)
    {
        var native = Outcome(entity, path, options, nativeCsv: true);
        var own = Outcome(entity, path, options, nativeCsv: false);
        Assert.Equal(own, native);
    }

    /// <summary>The summary, the quarantine and the stored rows, as text; or the refusal.</summary>
    private static string Outcome(EntitySchema entity, string path, ImportOptions options, bool nativeCsv)
    {
        using var ws = new TestWorkspace();
        ws.Import("customers", Path.Combine(Corpus, "setup", "customers.csv"));
        ws.Import("campaigns", Path.Combine(Corpus, "setup", "campaigns.csv"));
        var copy = Path.Combine(ws.Folder, Path.GetFileName(path));
        File.Copy(path, copy);
        ImportSummary s;
        try
        {
            s = new Importer(ws.Workspace) { NativeCsv = nativeCsv }.Import(entity, copy, null, options);
        }
        catch (FileRefusedException e)
        {
            return e.MessageKey + " " + string.Join(" ", e.Arguments.Skip(1));
        }

        var text = new StringBuilder($"{s.Read} {s.Inserted} {s.Updated} {s.Unchanged} {s.Repeated} {s.Rejected} {s.LocalFormsRejected} [{string.Join(",", s.UnknownColumns)}] {s.Format}\n");
        foreach (var r in Importer.Quarantine(ws.Workspace, entity.Name))
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Line} {r.Column} [{r.Value}] {r.Reason} {r.Detail}\n");
        }

        var columns = string.Join(", ", entity.Columns.Select(col => "CAST(\"" + col.Name + "\" AS VARCHAR)"));
        using var command = ws.Workspace.Connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM \"{entity.Table}\" ORDER BY ALL";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            text.AppendJoin('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetString(i))).Append('\n');
        }

        return text.ToString();
    }

    private string Write(string name, string body)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, name + ".csv");
        File.WriteAllText(path, body, new UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
}
