using Ciclo.Catalog;
using Ciclo.Sql;
using Ciclo.Warehouse;
using static Ciclo.Sql.Sql;

namespace Ciclo.Reports;

/// <summary>Every amount (revenue, channel cost, campaign cost) whose currency has no rate on or
/// before its date: the rows that make metrics incomplete.</summary>
public static class MissingRates
{
    public static IReadOnlyList<MissingRate> Find(Workspace workspace)
    {
        var list = new List<MissingRate>();
        Add(workspace, list, "revenue", "revenue_id", "booked_on", "amount");
        Add(workspace, list, "channel_stats", "campaign_id", "day", "cost");
        Add(workspace, list, "campaigns", "campaign_id", "started_on", "cost");
        return list;
    }

    private static void Add(Workspace workspace, List<MissingRate> list, string table, string key, string day, string amount)
    {
        var t = (string n) => Col("t", n);
        var select = new SqlSelect(
        [
            new(t(key), "key"), new(t(day), "day"), new(t(amount), "amount"), new(t("currency"), "currency"),
        ], new TableSource(table, "t"))
        {
            Where = And(t(amount).IsNotNull(), t("currency").IsNotNull(), t("currency").Ne(new ContextValue("currency")),
                Sources.Converted(t(amount), t("currency"), t(day)).IsNull()),
            OrderBy = [t(day), t(key)],
        };
        var context = new RenderContext("UTC", new Dictionary<string, object?> { ["currency"] = workspace.Settings.Currency });
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = new SqlRenderer(workspace.Dialect, context).Render(select);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new MissingRate(table, reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetDecimal(2), reader.GetString(3)));
        }
    }
}
