using Ciclo.Sql;
using Ciclo.Warehouse;
using static Ciclo.Sql.Sql;

namespace Ciclo.Server.Apis;

public static class SegmentsApi
{
    public static RouteGroupBuilder MapSegmentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/segments", async (WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var lists = await workspace.Read(w => new[]
                {
                    ("segments", Distinct(w, "customers", "segment")),
                    ("regions", Distinct(w, "customers", "region")),
                    ("programmes", Distinct(w, "program_members", "program")),
                    ("languages", Distinct(w, "surveys", "language")),
                }, ct);
                return JsonText.Write(w =>
                {
                    w.WriteStartObject();
                    foreach (var (name, values) in lists)
                    {
                        JsonText.Strings(w, name, values);
                    }

                    w.WriteEndObject();
                });
            })
            .WithName("GetSegments").WithSummary("The values the filters offer: customer segments and regions, programmes, comment languages.")
            .WithTags("Segments");
        return api;
    }

    internal static List<string> Distinct(Workspace workspace, string table, string column)
    {
        var select = new SqlSelect([new SelectItem(Col("t", column), "v")], new TableSource(table, "t"))
        {
            Where = Col("t", column).IsNotNull(),
            GroupBy = [Col("t", column)],
            OrderBy = [Col("t", column)],
        };
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = new SqlRenderer(workspace.Dialect, RenderContext.Utc).Render(select);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
