namespace Ciclo.Tests.Support;

public static class Fixtures
{
    /// <summary>The campaign events' header, for files a test writes.</summary>
    public const string EventsHeader = "campaign_id,contact_id,customer_id,event,occurred_at,machine_open";

    public static string Example(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "example", file);

    /// <summary>The worked example's import order.</summary>
    public static readonly string[] ExampleOrder =
        ["customers", "fx_rates", "revenue", "campaigns", "campaign_events", "surveys", "leads", "channel_stats", "program_members"];

    public static TestWorkspace ExampleWorkspace(string engine = "duckdb")
    {
        var ws = new TestWorkspace(engine: engine);
        foreach (var entity in ExampleOrder)
        {
            ws.Import(entity, Example(entity + ".csv"));
        }

        return ws;
    }
}
