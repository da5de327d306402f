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
        api.MapPost("/imports/{entity}", async (string entity, HttpRequest request, WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var schema = Entities.Find(entity) ?? throw new BadParameterException("entity",
                    $"Unknown entity '{entity}'; known: {string.Join(", ", Entities.All.Select(e => e.Name))}.");
                var lang = new QueryParameters(request).Language();
                if (!request.HasFormContentType)
                {
                    throw new BadParameterException("file", "Send the file as multipart/form-data in a field named 'file'.");
                }

                var form = await request.ReadFormAsync(ct);
                var upload = form.Files.GetFile("file") ?? throw new BadParameterException("file", "No field named 'file' in the upload.");
                var name = Path.GetFileName(upload.FileName);
                if (name.Length == 0 || name.Length > 200 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                {
                    throw new BadParameterException("file", "The file needs a plain name ending in .csv, .jsonl or .parquet.");
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
                            var s = new Importer(w).Import(schema, path);
                            return (s, Importer.Quarantine(w, schema.Name).Where(r => r.File == s.File).ToList());
                        }
                        catch (FileRefusedException e)
                        {
                            // Name the file as the user sent it, never the server's temporary path.
                            throw new FileRefusedException(name, e.MessageKey, [.. e.Arguments.Skip(1)]);
                        }
                    }, ct);
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
            .WithName("PostImport").WithQuery("lang").WithSummary("Imports a file (multipart field 'file': CSV, JSON Lines or Parquet) for an entity with the same validation, summary and quarantine as `ciclo import` (admin).")
            .WithTags("Imports").WithMetadata(new RequiresRole(Role.Admin)).DisableAntiforgery();
        return api;
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
