using System.Text;
using System.Text.Json;

namespace Ciclo.Server.Apis;

/// <summary>Writes a JSON body with Utf8JsonWriter and answers it as application/json.</summary>
public static class JsonText
{
    public static IResult Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(w);
        }

        return Raw(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static IResult Raw(string json) => HttpResults.Text(json, "application/json", Encoding.UTF8);

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
