using Ciclo.Catalog;
using Ciclo.Presenters;
using Ciclo.Server.Security;

namespace Ciclo.Server.Apis;

public static class BenchmarksApi
{
    public sealed record BandInput(double? Low, double? High, string Source);

    public static RouteGroupBuilder MapBenchmarksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/benchmarks", async (WorkspaceAccess workspace, CancellationToken ct) => Write(await workspace.Read(BenchmarkStore.Load, ct)))
            .WithName("GetBenchmarks").WithSummary("The benchmark bands in force: built in (Act-On) and the workspace's own.").WithTags("Benchmarks");

        api.MapPut("/benchmarks/{metric}/{band}", async (string metric, string band, BandInput input, WorkspaceAccess workspace, CancellationToken ct) =>
            {
                if (Metrics.Find(metric) is null)
                {
                    throw new BadParameterException("metric", $"Unknown metric '{metric}'.");
                }

                if (band.Length is 0 or > 64 || !char.IsAsciiLetter(band[0]) || !band.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                {
                    throw new BadParameterException("band", "'band' must be 1-64 letters, digits, '_' or '-', starting with a letter.");
                }

                if ((input.Low is null && input.High is null) || string.IsNullOrWhiteSpace(input.Source) || input.Source.Length > 300)
                {
                    throw new BadParameterException("source", "A band needs low and/or high (fractions, e.g. 0.3) and a source.");
                }

                return Write(await workspace.Use(w =>
                {
                    BenchmarkStore.Save(w, new BenchmarkBand(metric, band, input.Low, input.High, input.Source.Trim()));
                    return BenchmarkStore.Load(w);
                }, ct));
            })
            .WithName("PutBenchmark").WithSummary("Adds or overrides a band for the workspace (admin).").WithTags("Benchmarks")
            .WithMetadata(new RequiresRole(Role.Admin));
        return api;
    }

    private static IResult Write(IReadOnlyList<BenchmarkBand> bands) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("benchmarks");
        foreach (var b in bands)
        {
            w.WriteStartObject();
            w.WriteString("metric", b.Metric);
            w.WriteString("band", b.Id);
            MetricJsonPresenter.WriteNumber(w, "low", b.Low);
            MetricJsonPresenter.WriteNumber(w, "high", b.High);
            w.WriteString("source", b.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
