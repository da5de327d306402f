using Ciclo.Server.Security;

namespace Ciclo.Server.Apis;

public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/health", async (WorkspaceAccess workspace, KeyStore keys, CancellationToken ct) =>
            {
                var version = await workspace.Read(w => w.SchemaVersion, ct);
                return JsonText.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("status", "ok");
                    w.WriteBoolean("auth_required", keys.Enabled);
                    w.WriteNumber("schema_version", version);
                    w.WriteEndObject();
                });
            })
            .WithName("GetHealth").WithSummary("Whether the server and its workspace answer, and whether keys are required.")
            .WithTags("Health").WithMetadata(new RequiresRole(null));
        return api;
    }
}
