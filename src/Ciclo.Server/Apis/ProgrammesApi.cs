using Ciclo.Server.Hosting;
using Ciclo.Planner;
using Ciclo.Presenters;

namespace Ciclo.Server.Apis;

public static class ProgrammesApi
{
    public static RouteGroupBuilder MapProgrammesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programmes", async (HttpRequest request, WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var q = new QueryParameters(request);
                var reports = await workspace.Read(w =>
                {
                    var baseRequest = q.MetricRequest(w, Catalog.Metrics.ProgrammeIds);
                    var names = baseRequest.Program is { } one ? [one] : SegmentsApi.Distinct(w, "program_members", "program");
                    return names.Select(name => (name, MetricJsonPresenter.Render(MetricEngine.Run(w, baseRequest with { Program = name })))).ToList();
                }, ct);
                return JsonText.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("programmes");
                    foreach (var (name, json) in reports)
                    {
                        w.WriteStartObject();
                        w.WriteString("program", name);
                        w.WritePropertyName("report");
                        w.WriteRawValue(json);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            })
            .WithName("GetProgrammes").WithQuery("from", "to", "grain", "time_zone", "segment", "stage", "program").WithSummary("Each programme's members, enrolment, member vs non-member churn and expansion revenue per customer, per period: from, to, grain, program.")
            .WithTags("Programmes");
        return api;
    }
}
