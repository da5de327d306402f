using Ciclo.Server.Hosting;
using Ciclo.Catalog;

namespace Ciclo.Server.Apis;

public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/catalog", async (HttpRequest request, WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var lang = new QueryParameters(request).Language();
                var bands = await workspace.Read(BenchmarkStore.Load, ct);
                return JsonText.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("stages");
                    foreach (var stage in Enum.GetValues<Stage>())
                    {
                        w.WriteStartObject();
                        w.WriteString("id", stage.ToString().ToLowerInvariant());
                        w.WriteString("name", MetricTexts.Stage(stage, lang));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("kinds");
                    foreach (var kind in Enum.GetValues<MetricKind>())
                    {
                        w.WriteStartObject();
                        w.WriteString("id", kind.ToString().ToLowerInvariant());
                        w.WriteString("name", MetricTexts.Kind(kind, lang));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("metrics");
                    foreach (var m in Metrics.All)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", m.Id);
                        w.WriteString("stage", m.Stage.ToString().ToLowerInvariant());
                        w.WriteString("kind", m.Kind.ToString().ToLowerInvariant());
                        w.WriteString("unit", m.Unit.ToString().ToLowerInvariant());
                        w.WriteString("direction", m.Direction.ToString().ToLowerInvariant());
                        w.WriteBoolean("cohort", m.Cohort);
                        w.WriteString("name", MetricTexts.Name(m.Id, lang));
                        w.WriteString("definition", MetricTexts.Definition(m.Id, lang));
                        w.WriteStartArray("benchmarks");
                        foreach (var b in bands.Where(b => b.Metric == m.Id))
                        {
                            w.WriteStartObject();
                            w.WriteString("band", b.Id);
                            w.WriteString("label", MetricTexts.Band(b.Id, lang));
                            Presenters.MetricJsonPresenter.WriteNumber(w, "low", b.Low);
                            Presenters.MetricJsonPresenter.WriteNumber(w, "high", b.High);
                            w.WriteString("source", b.Source);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartObject("bands");
                    foreach (var b in bands.DistinctBy(b => b.Id))
                    {
                        w.WriteString(b.Id, MetricTexts.Band(b.Id, lang));
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                });
            })
            .WithName("GetCatalog").WithQuery("lang").WithSummary("Every metric: stage, kind, unit, good direction, name, definition and benchmark bands, in the language asked (lang=en|it|ar).")
            .WithTags("Catalog");
        return api;
    }
}
