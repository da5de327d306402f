namespace Ciclo.Demo;

/// <summary>Small helpers over <see cref="Random"/>; every stream is derived from the seed.</summary>
internal static class DemoRandom
{
    /// <summary>An independent, deterministic stream per concern, so that changing one generator
    /// does not reshuffle the others.</summary>
    public static Random Create(int seed, int stream) => new(unchecked((seed * 1_000_003) + (stream * 7_919)));

    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    public static double Between(this Random rng, double min, double max) => min + (rng.NextDouble() * (max - min));

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>A day in [from, to], both inclusive (from when the range is empty).</summary>
    public static DateOnly Day(this Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));

    public static double Gaussian(this Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double LogNormal(this Random rng, double median, double sigma) => median * Math.Exp(sigma * rng.Gaussian());

    /// <summary>An index drawn with the given (not necessarily normalised) weights.</summary>
    public static int Weighted(this Random rng, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = rng.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>An amount rounded to cents.</summary>
    public static decimal Money(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
}
