namespace Ciclo.Tests.Support;

public static class Assertions
{
    /// <summary>Equal within a relative tolerance of 1e-9 (absolute for values near zero); null only equals null.</summary>
    public static void Close(double? expected, double? actual, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }

        var tolerance = Math.Max(1e-9, Math.Abs(expected.Value) * 1e-9);
        Assert.True(Math.Abs(expected.Value - actual.Value) <= tolerance, $"{what}: expected {expected}, got {actual}");
    }

    private static string Show(double? v) => v?.ToString("R") ?? "null";
}
