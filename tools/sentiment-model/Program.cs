using System.Globalization;
using System.Text.Json;
using Ciclo.Verbatims;

// Trains the sentiment classifier and writes src/Ciclo.Core/Verbatims/sentiment-model.json.
// Training data: tests/Ciclo.Tests/Fixtures/verbatims/sentiment-train.jsonl and the development part of
// corpus.jsonl; never the corpus's held-out part nor check.jsonl. Prints 5-fold cross-validation.
//   dotnet run -c Release --project tools/sentiment-model            train and write the model
//   dotnet run -c Release --project tools/sentiment-model -- --grid  cross-validate settings, write nothing
var root = FindRoot();
var fixtures = Path.Combine(root, "tests", "Ciclo.Tests", "Fixtures", "verbatims");
var comments = SentimentTrainingSet.Read(fixtures);
Console.WriteLine($"{comments.Count} labelled comments: " + string.Join(", ", comments.GroupBy(c => c.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
var examples = comments.Select(SentimentTraining.Prepare).ToList();
var lexicon = new Dictionary<string, (int Correct, int Total)>(StringComparer.Ordinal);
foreach (var c in comments)
{
    var tokens = CommentTokenizer.Shared.Tokenize(c.Text);
    var label = SentimentScorer.Shared.Score(c.Text, tokens, VerbatimAnalyzer.ProcessingLanguage(c.Text, tokens, null)).Label;
    var (right, total) = lexicon.GetValueOrDefault(c.Language);
    lexicon[c.Language] = (right + (label == c.Sentiment ? 1 : 0), total + 1);
}

Console.WriteLine("lexicon and rules alone: " + Report(lexicon));
if (args.Contains("--errors"))
{
    var labels = SentimentTraining.CrossValidatedLabels(examples);
    foreach (var lang in new[] { "en", "it", "ar" })
    {
        Console.WriteLine(lang + " (rows: labelled, columns: predicted negative / neutral / positive)");
        foreach (var gold in SentimentModel.Classes)
        {
            Console.WriteLine($"  {gold,-8} " + string.Join(" ", SentimentModel.Classes.Select(p => comments.Where((c, i) => c.Language == lang && c.Sentiment == gold && labels[i] == p).Count().ToString(CultureInfo.InvariantCulture).PadLeft(4))));
        }
    }

    for (var i = 0; i < comments.Count; i++)
    {
        if (labels[i] != comments[i].Sentiment)
        {
            Console.WriteLine($"{comments[i].Language} {comments[i].Sentiment} -> {labels[i]}: {comments[i].Text}");
        }
    }

    return;
}

if (args.Contains("--grid"))
{
    foreach (var regularisation in new[] { 0.001, 0.003, 0.01 })
    {
        foreach (var iterations in new[] { 300 })
        {
            Console.WriteLine($"lambda {regularisation} iterations {iterations}: {Report(SentimentTraining.CrossValidate(examples, 5, regularisation, iterations))}");
        }
    }

    return;
}

Console.WriteLine("5-fold cross-validation: " + Report(SentimentTraining.CrossValidate(examples)));
var model = SentimentTraining.Train(examples);
var path = Path.Combine(root, "src", "Ciclo.Core", "Verbatims", "sentiment-model.json");
using (var stream = File.Create(path))
{
    model.WriteJson(stream);
}

Console.WriteLine($"{model.Weights.Count} features written to {path}");

static string Report(Dictionary<string, (int Correct, int Total)> scores) =>
    string.Join(", ", scores.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {(double)s.Value.Correct / s.Value.Total:F3} ({s.Value.Correct}/{s.Value.Total})")));

static string FindRoot()
{
    var dir = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(dir, "Ciclo.sln")))
    {
        dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Ciclo.sln not found above " + AppContext.BaseDirectory);
    }

    return dir;
}
