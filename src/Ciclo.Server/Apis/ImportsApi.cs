using Ciclo.Server.Hosting;
using System.Text.Json;
using Ciclo.Import;
using Ciclo.Presenters;
using Ciclo.Server.Security;

namespace Ciclo.Server.Apis;

public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/imports/{entity}", async (string entity, string? culture, string? encoding, string? delimiter, string? sheet,
                HttpRequest request, WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var schema = Entities.Find(entity) ?? throw new BadParameterException("entity",
                    $"Unknown entity '{entity}'; known: {string.Join(", ", Entities.All.Select(e => e.Name))}.");
                var lang = new QueryParameters(request).Language();
                var options = Options(culture, encoding, delimiter, sheet, lang);
                if (!request.HasFormContentType)
                {
                    throw new BadParameterException("file", "Send the file as multipart/form-data in a field named 'file'.");
                }

                var form = await request.ReadFormAsync(ct);
                var upload = form.Files.GetFile("file") ?? throw new BadParameterException("file", "No field named 'file' in the upload.");
                var name = Path.GetFileName(upload.FileName);
                if (name.Length == 0 || name.Length > 200 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                {
                    throw new BadParameterException("file", "The file needs a plain name ending in .csv, .tsv, .jsonl, .parquet or .xlsx.");
                }

                var extension = Path.GetExtension(name).ToLowerInvariant();
                if (options.Sheet is not null && extension is not (".xlsx" or ".xlsm"))
                {
                    throw new BadParameterException("sheet", "'sheet' names a sheet of an Excel .xlsx file; this file is not one.");
                }

                var folder = Directory.CreateTempSubdirectory("ciclo-upload-");
                try
                {
                    var path = Path.Combine(folder.FullName, name);
                    await using (var target = File.Create(path))
                    {
                        await upload.CopyToAsync(target, ct);
                    }

                    var (summary, rejections) = await workspace.Use(w =>
                    {
                        try
                        {
                            var s = new Importer(w).Import(schema, path, null, options);
                            return (s, Importer.Quarantine(w, schema.Name).Where(r => r.File == s.File).ToList());
                        }
                        catch (FileRefusedException e)
                        {
                            // Name the file as the user sent it, never the server's temporary path.
                            throw new FileRefusedException(name, e.MessageKey, [.. e.Arguments.Skip(1)]);
                        }
                    }, ct);
                    workspace.Influence.Imported(summary);
                    return JsonText.Write(w =>
                    {
                        w.WriteStartObject();
                        w.WriteStartObject("summary");
                        w.WriteString("entity", summary.Entity);
                        w.WriteString("file", summary.File);
                        w.WriteNumber("read", summary.Read);
                        w.WriteNumber("inserted", summary.Inserted);
                        w.WriteNumber("updated", summary.Updated);
                        w.WriteNumber("unchanged", summary.Unchanged);
                        w.WriteNumber("repeated", summary.Repeated);
                        w.WriteNumber("rejected", summary.Rejected);
                        JsonText.Strings(w, "unknown_columns", summary.UnknownColumns);
                        w.WriteNumber("local_forms_rejected", summary.LocalFormsRejected);
                        WriteFormat(w, summary.Format, lang);
                        w.WriteEndObject();
                        WriteRejections(w, rejections, lang);
                        w.WriteEndObject();
                    });
                }
                finally
                {
                    folder.Delete(true);
                }
            })
            .WithName("PostImport").WithQuery("lang").WithSummary("Imports a file (multipart field 'file': CSV, TSV, JSON Lines, Parquet or Excel .xlsx) for an entity with the same validation, summary and quarantine as `ciclo import` (admin). " +
                         "Optional query: culture (numbers and dates as written in it-IT, de-DE, ...; default ISO), encoding (utf-8, windows-1252, ...; default UTF-8 or the byte-order mark), " +
                         "delimiter (comma, semicolon, tab, pipe; default detected), sheet (Excel sheet name; default the first).")
            .WithTags("Imports").WithMetadata(new RequiresRole(Role.Admin)).DisableAntiforgery();
        return api;
    }

    private static ImportOptions Options(string? culture, string? encoding, string? delimiter, string? sheet, string lang)
    {
        foreach (var (name, value) in new[] { ("culture", culture), ("encoding", encoding), ("delimiter", delimiter), ("sheet", sheet) })
        {
            if (value is { Length: > 100 })
            {
                throw new BadParameterException(name, $"'{name}' is too long.");
            }
        }

        try
        {
            return ImportOptions.Parse(culture, encoding, delimiter, sheet);
        }
        catch (ImportOptionException e)
        {
            var name = e.MessageKey switch { "BadCulture" => "culture", "BadEncoding" => "encoding", _ => "delimiter" };
            throw new BadParameterException(name, Ciclo.Localization.Text.Format(lang, e.MessageKey, e.Arguments));
        }
    }

    /// <summary>How the file was read, so that a client can show it beside the counts.</summary>
    private static void WriteFormat(Utf8JsonWriter w, SourceFormat? format, string lang)
    {
        if (format is null)
        {
            return;
        }

        w.WriteStartObject("format");
        w.WriteString("type", format.Type);
        w.WriteString("encoding", format.Encoding);
        w.WriteString("delimiter", format.DelimiterName);
        w.WriteString("sheet", format.Sheet);
        w.WriteString("culture", format.Culture ?? "iso");
        w.WriteString("text", ImportSummaryPresenter.Format(format, lang));
        w.WriteEndObject();
    }

    internal static void WriteRejections(Utf8JsonWriter w, IEnumerable<Rejection> rejections, string lang)
    {
        w.WriteStartArray("rejections");
        foreach (var r in rejections)
        {
            w.WriteStartObject();
            w.WriteString("entity", r.Entity);
            w.WriteString("file", r.File);
            w.WriteNumber("line", r.Line);
            w.WriteString("column", r.Column);
            w.WriteString("value", r.Value);
            w.WriteString("reason", r.Reason);
            w.WriteString("message", ImportSummaryPresenter.Reason(r, lang));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
