using Ciclo.Catalog;

namespace Ciclo.Results;

/// <summary>Where a value stands against one band: below, within or above.</summary>
public sealed record BenchmarkStatus(BenchmarkBand Band, string Status)
{
    public static BenchmarkStatus? Of(BenchmarkBand band, double? value)
    {
        if (value is not { } v)
        {
            return null;
        }

        var status = band.Low is { } low && v < low ? "below"
            : band.High is { } high && v > high ? "above"
            : "within";
        return new BenchmarkStatus(band, status);
    }
}
