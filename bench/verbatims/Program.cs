using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ciclo.Import;
using Ciclo.Verbatims;
using Ciclo.Warehouse;

// Measures the verbatim analysis on generated comments (default 100,000): the analysis alone, a
// surveys import that analyses every comment, an import that changes 1 % of them, and a refresh
// with nothing to do. Comments are built from the labelled corpus: one to three of its comments,
// with ticket numbers, names and amounts varied so that the vocabulary keeps growing.
//   dotnet run -c Release --project bench/verbatims [-- COUNT]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var root = FindRoot();
var corpus = File.ReadLines(Path.Combine(root, "tests", "Ciclo.Tests", "Fixtures", "verbatims", "corpus.jsonl"))
    .Select(l => JsonDocument.Parse(l).RootElement)
    .Select(e => (Text: e.GetProperty("text").GetString()!, Lang: e.GetProperty("lang").GetString()!))
    .ToList();
var rng = new Random(7);
string[] names = ["Marco", "Giulia", "Sarah", "Ahmed", "Fatima", "Luca", "John", "Priya", "Omar", "Elena"];
string Comment(int i)
{
    var sb = new StringBuilder();
    var parts = 1 + rng.Next(3);
    for (var k = 0; k < parts; k++)
    {
        sb.Append(corpus[rng.Next(corpus.Count)].Text).Append(' ');
    }

    if (rng.Next(4) == 0)
    {
        sb.Append(CultureInfo.InvariantCulture, $"Ticket #{rng.Next(100_000)} with {names[rng.Next(names.Length)]}{i % 97}, about {rng.Next(50, 5000)} EUR.");
    }

    return sb.ToString().Trim();
}

var comments = Enumerable.Range(0, count).Select(Comment).ToList();
Console.WriteLine($"{count:N0} comments, {comments.Sum(c => c.Length):N0} characters, {Environment.ProcessorCount} cores");

var analyzer = new VerbatimAnalyzer(ThemeSet.BuiltIn);
analyzer.Analyze("warm-up: the support team is great");
var process = Process.GetCurrentProcess();
var cpu = process.TotalProcessorTime;
var watch = Stopwatch.StartNew();
var results = new CommentAnalysis[count];
Parallel.For(0, count, i => results[i] = analyzer.Analyze(comments[i]));
Console.WriteLine($"analysis alone: {watch.Elapsed.TotalSeconds:F2} s ({count / watch.Elapsed.TotalSeconds:N0} comments/s), {Cpu():F2} s of processor time");

// The sentiment step on its own, on comments already split into words (warm caches): the lexicon
// and its rules alone, then the classifier (the lexicon's reading, the features and the model).
var tokenized = new (IReadOnlyList<CommentToken> Tokens, string Language)[count];
Parallel.For(0, count, i =>
{
    var tokens = CommentTokenizer.Shared.Tokenize(comments[i]);
    tokenized[i] = (tokens, VerbatimAnalyzer.ProcessingLanguage(comments[i], tokens, null));
});
watch.Restart();
Parallel.For(0, count, i => SentimentScorer.Shared.Score(comments[i], tokenized[i].Tokens, tokenized[i].Language));
var lexiconOnly = watch.Elapsed.TotalSeconds;
watch.Restart();
Parallel.For(0, count, i => SentimentClassifier.Shared.Classify(comments[i], tokenized[i].Tokens, tokenized[i].Language));
Console.WriteLine($"sentiment step: lexicon alone {lexiconOnly:F2} s, lexicon and classifier {watch.Elapsed.TotalSeconds:F2} s");
Cpu();
watch.Restart();
Parallel.For(0, count, i => results[i] = analyzer.Analyze(comments[i]));
Console.WriteLine($"analysis again (warm caches): {watch.Elapsed.TotalSeconds:F2} s, {Cpu():F2} s of processor time");

// Processor time of this process since the last call: on a loaded machine it tells the work done
// where the wall time also counts the waits for the processor.
double Cpu()
{
    process.Refresh();
    var now = process.TotalProcessorTime;
    var spent = (now - cpu).TotalSeconds;
    cpu = now;
    return spent;
}

var folder = Path.Combine(Path.GetTempPath(), "ciclo-bench-verbatims-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
try
{
    using var workspace = Workspace.Create(Path.Combine(folder, "bench.duckdb"), new WorkspaceSettings("EUR", "UTC"));
    var file = Path.Combine(folder, "surveys.csv");
    Write(file, comments);
    watch.Restart();
    Cpu();
    new Importer(workspace).Import(Entities.Surveys, file);
    var import = watch.Elapsed.TotalSeconds;
    Console.WriteLine($"import of {count:N0} answers with analysis of every comment: {import:F2} s, {Cpu():F2} s of processor time");

    for (var i = 0; i < count; i += 100)
    {
        comments[i] += " Update: still waiting for a fix.";
    }

    Write(file, comments);
    watch.Restart();
    new Importer(workspace).Import(Entities.Surveys, file);
    Console.WriteLine($"re-import with {count / 100:N0} changed comments: {watch.Elapsed.TotalSeconds:F2} s");

    watch.Restart();
    var refresh = VerbatimAnalysisStore.Refresh(workspace);
    Console.WriteLine($"refresh with nothing to do: {watch.Elapsed.TotalSeconds:F2} s (analysed {refresh.Analysed}, unchanged {refresh.Unchanged:N0})");
}
finally
{
    Directory.Delete(folder, true);
}

static void Write(string path, List<string> comments)
{
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
    writer.WriteLine("response_id,customer_id,respondent_id,answered_on,score,comment,language");
    var day = new DateOnly(2025, 1, 1);
    for (var i = 0; i < comments.Count; i++)
    {
        var date = day.AddDays(i % 600).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"B{i:D6},,,{date},{i % 11},\"{comments[i].Replace("\"", "\"\"", StringComparison.Ordinal)}\","));
    }
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ciclo.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
