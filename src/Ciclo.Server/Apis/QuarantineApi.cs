using Ciclo.Server.Hosting;
using Ciclo.Import;

namespace Ciclo.Server.Apis;

public static class QuarantineApi
{
    public static RouteGroupBuilder MapQuarantineApi(this RouteGroupBuilder api)
    {
        api.MapGet("/quarantine", async (HttpRequest request, WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var q = new QueryParameters(request);
                var entity = q.Text("entity");
                if (entity is not null && Entities.Find(entity) is null)
                {
                    throw new BadParameterException("entity", $"Unknown entity '{entity}'.");
                }

                var lang = q.Language();
                var rows = await workspace.Read(w => Importer.Quarantine(w, entity is null ? null : Entities.Find(entity)!.Name), ct);
                return JsonText.Write(w =>
                {
                    w.WriteStartObject();
                    ImportsApi.WriteRejections(w, rows, lang);
                    w.WriteEndObject();
                });
            })
            .WithName("GetQuarantine").WithQuery("entity", "lang").WithSummary("Every rejected value with file, line, column, reason and a plain message: entity, lang.")
            .WithTags("Imports");
        return api;
    }
}
