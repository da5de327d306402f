using System.Text;
using System.Text.Json;

namespace Ciclo.Server.Apis;

/// <summary>Writes a JSON body with Utf8JsonWriter and answers it as application/json.</summary>
public static class JsonText
{
    public static IResult Write(Action<Utf8JsonWriter> body) => Raw(Text(body));

    /// <summary>The JSON text the writer produces.</summary>
    public static string Text(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(w);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>What identifies a report request for the result cache: its path and query, as sent, and
    /// today's UTC date (a request without dates over an empty workspace is cut at today).</summary>
    public static string CacheKey(HttpRequest request) =>
        DateTime.UtcNow.ToString("yyyy-MM-dd ", System.Globalization.CultureInfo.InvariantCulture) + request.Path.Value + request.QueryString.Value;

    public static IResult Raw(string json) => HttpResults.Text(json, "application/json", Encoding.UTF8);

    /// <summary>A JSON body already encoded as UTF-8 (a cached answer).</summary>
    public static IResult Raw(byte[] utf8Json) => HttpResults.Bytes(utf8Json, "application/json; charset=utf-8");

    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
