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
                return JsonText.Raw(await workspace.Cached(JsonText.CacheKey(request), w =>
                {
                    var baseRequest = q.MetricRequest(w, Catalog.Metrics.ProgrammeIds);
                    var names = baseRequest.Program is { } one ? [one] : SegmentsApi.Distinct(w, "program_members", "program");
                    var reports = names.Select(name => (name, MetricJsonPresenter.Render(MetricEngine.Run(w, baseRequest with { Program = name })))).ToList();
                    return JsonText.Text(jw =>
                    {
                        jw.WriteStartObject();
                        jw.WriteStartArray("programmes");
                        foreach (var (name, json) in reports)
                        {
                            jw.WriteStartObject();
                            jw.WriteString("program", name);
                            jw.WritePropertyName("report");
                            jw.WriteRawValue(json);
                            jw.WriteEndObject();
                        }

                        jw.WriteEndArray();
                        jw.WriteEndObject();
                    });
                }, ct));
            })
            .WithName("GetProgrammes").WithQuery("from", "to", "grain", "time_zone", "segment", "stage", "program").WithSummary("Each programme's members, enrolment, member vs non-member churn and expansion revenue per customer, per period: from, to, grain, program.")
            .WithTags("Programmes");
        return api;
    }
}
