namespace Ciclo.Server.Hosting;

/// <summary>Assets installed from npm at build time and embedded in the assembly.</summary>
public static class WebAssets
{
    public static Stream ECharts() =>
        typeof(WebAssets).Assembly.GetManifestResourceStream("Ciclo.Server.echarts.min.js")
        ?? throw new InvalidOperationException("ECharts is not embedded.");

    public static string EChartsText()
    {
        using var reader = new StreamReader(ECharts());
        return reader.ReadToEnd();
    }
}
