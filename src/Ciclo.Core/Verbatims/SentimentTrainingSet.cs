using System.Text.Json;

namespace Ciclo.Verbatims;

/// <summary>The comments the sentiment classifier is trained on, from the labelled fixtures folder
/// (tests/Ciclo.Tests/Fixtures/verbatims): every comment of sentiment-train.jsonl and the development
/// part of corpus.jsonl, in file order. The corpus's held-out part and check.jsonl are never read.</summary>
public static class SentimentTrainingSet
{
    public static List<LabelledComment> Read(string folder)
    {
        var comments = new List<LabelledComment>();
        foreach (var (file, onlyDev) in new[] { ("sentiment-train.jsonl", false), ("corpus.jsonl", true) })
        {
            foreach (var line in File.ReadLines(Path.Combine(folder, file)).Where(l => l.Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                var row = doc.RootElement;
                if (onlyDev && row.GetProperty("split").GetString() != "dev")
                {
                    continue;
                }

                comments.Add(new LabelledComment(row.GetProperty("text").GetString()!, row.GetProperty("lang").GetString()!, row.GetProperty("sentiment").GetString()!));
            }
        }

        return comments;
    }
}
