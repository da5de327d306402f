using System.Text.Json;

namespace Ciclo.Verbatims;

/// <summary>Reads the lexicon files embedded in the assembly (themes, sentiment, language evidence).</summary>
internal static class LexiconResources
{
    public static JsonDocument Json(string file)
    {
        using var stream = typeof(LexiconResources).Assembly.GetManifestResourceStream("Ciclo.Verbatims." + file)
                           ?? throw new InvalidOperationException(file + " is not embedded.");
        return JsonDocument.Parse(stream);
    }
}
