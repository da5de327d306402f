using System.Text.Json;

namespace Ciclo.Verbatims;

/// <summary>Reads the lexicon files embedded in the assembly (themes, sentiment, language evidence).</summary>
internal static class LexiconResources
{
    private static readonly Lazy<string> Hash = new(() =>
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in new[] { "sentiment.json", "sentiment-model.json", "languages.json" })
        {
            using var stream = typeof(LexiconResources).Assembly.GetManifestResourceStream("Ciclo.Verbatims." + file)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            sha.AppendData(memory.ToArray());
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    });

    /// <summary>A hash of the sentiment and language lexicons and the sentiment model: stored results made with other lexicons are recomputed.</summary>
    public static string LexiconHash => Hash.Value;

    public static JsonDocument Json(string file)
    {
        using var stream = typeof(LexiconResources).Assembly.GetManifestResourceStream("Ciclo.Verbatims." + file)
                           ?? throw new InvalidOperationException(file + " is not embedded.");
        return JsonDocument.Parse(stream);
    }
}
