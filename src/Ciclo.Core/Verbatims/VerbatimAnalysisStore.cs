using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ciclo.Warehouse;

namespace Ciclo.Verbatims;

/// <summary>
/// Keeps verbatim_analysis in step with the surveys: only comments that are new, whose text or
/// given language changed, or that were analysed by another analyser version or another set of
/// themes are analysed again (in parallel); results of comments that are gone are removed.
/// Runs after every surveys import and before every read, so a read never sees stale results.
/// </summary>
public static class VerbatimAnalysisStore
{
    public static AnalysisRefresh Refresh(Workspace workspace)
    {
        var analyzer = new VerbatimAnalyzer(ThemeStore.Load(workspace));
        var fingerprint = analyzer.Fingerprint;
        var d = workspace.Dialect;
        var analysis = d.TableReference(VerbatimTables.Analysis.Table);
        var pending = new List<(string Id, string Comment, string? Language, string Hash)>();
        var unchanged = 0;
        using (var command = workspace.Connection.CreateCommand())
        {
            command.CommandText = $"SELECT s.response_id, s.comment, s.language, a.input_hash, a.fingerprint FROM {d.TableReference("surveys", "s")} " +
                                  $"LEFT JOIN {d.TableReference(VerbatimTables.Analysis.Table, "a")} ON a.response_id = s.response_id WHERE s.comment IS NOT NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var comment = reader.GetString(1);
                var language = reader.IsDBNull(2) ? null : reader.GetString(2);
                var hash = Hash(comment, language);
                if (!reader.IsDBNull(3) && reader.GetString(3) == hash && !reader.IsDBNull(4) && reader.GetString(4) == fingerprint)
                {
                    unchanged++;
                    continue;
                }

                pending.Add((reader.GetString(0), comment, language, hash));
            }
        }

        var results = AnalyzeEachOnce(analyzer, pending.Select(p => (p.Comment, p.Language)).ToList());
        var now = DateTime.UtcNow;
        var work = VerbatimTables.AnalysisWork;
        if (workspace.Engine.Kind == Engine.ClickHouse)
        {
            // ClickHouse keeps versions: a newer result replaces the older one when read with FINAL;
            // results of comments that are gone stay unread (reads go through the surveys).
            workspace.Engine.BulkInsert(workspace.Connection, null, VerbatimTables.Analysis, pending.Select((p, i) => Row(p.Id, p.Hash, fingerprint, results[i], now)));
            return new AnalysisRefresh(pending.Count, 0, unchanged);
        }

        using var tx = workspace.Connection.BeginTransaction();
        var removed = Execute(workspace, $"DELETE FROM {analysis} WHERE response_id NOT IN " +
                                         $"(SELECT response_id FROM {d.TableReference("surveys")} WHERE comment IS NOT NULL)");
        if (pending.Count > 0)
        {
            Execute(workspace, "DROP TABLE IF EXISTS " + d.TableReference(work.Table));
            Execute(workspace, d.CreateTable(work));
            workspace.Engine.BulkInsert(workspace.Connection, tx, work, pending.Select((p, i) => Row(p.Id, p.Hash, fingerprint, results[i], now)));
            Execute(workspace, $"DELETE FROM {analysis} WHERE response_id IN (SELECT response_id FROM {d.TableReference(work.Table)})");
            Execute(workspace, $"INSERT INTO {analysis} SELECT * FROM {d.TableReference(work.Table)}");
            Execute(workspace, "DROP TABLE " + d.TableReference(work.Table));
        }

        tx.Commit();
        return new AnalysisRefresh(pending.Count, removed, unchanged);
    }

    /// <summary>The stored results by response id (refresh first).</summary>
    public static Dictionary<string, CommentAnalysis> Load(Workspace workspace)
    {
        var map = new Dictionary<string, CommentAnalysis>(StringComparer.Ordinal);
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = "SELECT response_id, language, language_confidence, language_given, themes, sentiment, sentiment_score FROM " +
                              workspace.Dialect.TableReference(VerbatimTables.Analysis.Table);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var themes = reader.IsDBNull(4) ? [] : reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            map[reader.GetString(0)] = new CommentAnalysis(reader.GetString(1), Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture),
                Convert.ToBoolean(reader.GetValue(3), CultureInfo.InvariantCulture), themes, reader.GetString(5),
                Convert.ToDouble(reader.GetValue(6), CultureInfo.InvariantCulture));
        }

        return map;
    }

    /// <summary>The analysis of every comment, each distinct comment (with its given language) analysed
    /// once, in parallel: answers often repeat a short comment word for word.</summary>
    private static CommentAnalysis[] AnalyzeEachOnce(VerbatimAnalyzer analyzer, List<(string Comment, string? Language)> comments)
    {
        var distinct = new Dictionary<(string Comment, string? Language), int>();
        var unique = new List<(string Comment, string? Language)>();
        var index = new int[comments.Count];
        for (var i = 0; i < comments.Count; i++)
        {
            if (!distinct.TryGetValue(comments[i], out var k))
            {
                k = distinct[comments[i]] = unique.Count;
                unique.Add(comments[i]);
            }

            index[i] = k;
        }

        var analysed = new CommentAnalysis[unique.Count];
        Parallel.For(0, unique.Count, k => analysed[k] = analyzer.Analyze(unique[k].Comment, unique[k].Language));
        return [.. index.Select(k => analysed[k])];
    }

    private static object?[] Row(string id, string hash, string fingerprint, CommentAnalysis a, DateTime now) =>
    [
        id, hash, fingerprint, a.Language, a.LanguageConfidence, a.LanguageGiven,
        a.Themes.Count == 0 ? null : string.Join(' ', a.Themes), a.Sentiment, a.SentimentScore, now,
    ];

    private static string Hash(string comment, string? language) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((language ?? string.Empty) + "\u001F" + comment)))[..32];

    private static int Execute(Workspace workspace, string sql)
    {
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
