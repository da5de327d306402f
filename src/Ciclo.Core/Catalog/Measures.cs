using Ciclo.Sql;
using static Ciclo.Sql.Sql;

namespace Ciclo.Catalog;

/// <summary>Every measure: an aggregation of one source's rows per period (METRICS.md).</summary>
public static class Measures
{
    private static Column C(string name) => Col("s", name);

    private static readonly SqlExpr One = Lit(1L);
    private static readonly SqlExpr S = PeriodBound.Start;
    private static readonly SqlExpr E = PeriodBound.End;

    private static MeasureDefinition Count(string id, string source, SqlExpr? filter = null) =>
        new(id, source, AggregateKind.Count, One, filter);

    private static MeasureDefinition Sum(string id, string source, SqlExpr value, SqlExpr? filter = null) =>
        new(id, source, AggregateKind.Sum, value, filter);

    // Customers (the source already holds acquired_on < E and churned_on empty or >= S).
    private static readonly SqlExpr AtStart = C("acquired_on") < S;
    private static readonly SqlExpr NewInPeriod = C("acquired_on") >= S;
    private static readonly SqlExpr ChurnedInPeriod = C("churned_on") < E;
    private static readonly SqlExpr AtEnd = C("churned_on").IsNull() | (C("churned_on") >= E);
    private static readonly SqlExpr MemberAtStart = Sources.MemberAt(C("customer_id"), S);
    private static readonly SqlExpr MemberAtEnd = Sources.MemberAt(C("customer_id"), E);

    // Revenue.
    private static readonly string[] UpsellKinds = ["upsell", "cross_sell"];
    private static readonly string[] ExpansionKinds = ["upsell", "cross_sell", "services", "training"];
    private static readonly SqlExpr CustomerAtStart = (C("acquired_on") < S) & (C("churned_on").IsNull() | (C("churned_on") >= S));
    private static readonly SqlExpr Expansion = C("kind").In(ExpansionKinds) & (C("acquired_on") < S);

    // Sends.
    private static SqlExpr Audience(string audience) => C("audience").Eq(audience);
    private static readonly SqlExpr Delivered = C("bounced").Eq(Lit(0L));
    private static readonly SqlExpr Opened = Delivered & ((C("human_open").Eq(Lit(1L))) | (C("clicked").Eq(Lit(1L))));
    private static readonly SqlExpr Clicked = Delivered & C("clicked").Eq(Lit(1L));

    private static IEnumerable<MeasureDefinition> SendMeasures(string prefix, SqlExpr scope) =>
    [
        Count(prefix + "sends", "sends", scope),
        Count(prefix + "delivered", "sends", scope & Delivered),
        Count(prefix + "opened", "sends", scope & Opened),
        Count(prefix + "clicked", "sends", scope & Clicked),
        Count(prefix + "unsubscribed", "sends", scope & Delivered & C("unsubscribed").Eq(Lit(1L))),
        Count(prefix + "machine_only", "sends", scope & Delivered & C("machine_open").Eq(Lit(1L)) & C("human_open").Eq(Lit(0L)) & C("clicked").Eq(Lit(0L))),
    ];

    public static IReadOnlyList<MeasureDefinition> All { get; } =
    [
        Count("customers_start", "customers", AtStart),
        Count("customers_new", "customers", NewInPeriod),
        Count("customers_lost", "customers", AtStart & ChurnedInPeriod),
        Count("customers_new_lost", "customers", NewInPeriod & ChurnedInPeriod),
        Count("programme_members", "customers", AtEnd & MemberAtEnd),
        Count("members_start", "customers", AtStart & MemberAtStart),
        Count("members_lost", "customers", AtStart & ChurnedInPeriod & MemberAtStart),
        Count("non_members_start", "customers", AtStart & !MemberAtStart),
        Count("non_members_lost", "customers", AtStart & ChurnedInPeriod & !MemberAtStart),

        Sum("total_revenue", "revenue", C("amount_rc")),
        Sum("upsell_revenue", "revenue", C("amount_rc"), C("kind").In(UpsellKinds)),
        Sum("existing_customer_revenue", "revenue", C("amount_rc"), C("acquired_on") < S),
        Sum("new_customer_revenue", "revenue", C("amount_rc"), C("kind").Eq("new")),
        Sum("expansion_revenue", "revenue", C("amount_rc"), Expansion),
        Sum("member_expansion_revenue", "revenue", C("amount_rc"), Expansion & CustomerAtStart & MemberAtStart),
        Sum("non_member_expansion_revenue", "revenue", C("amount_rc"), Expansion & CustomerAtStart & !MemberAtStart),
        Count("revenue_rows_without_rate", "revenue", C("amount_rc").IsNull()),

        .. SendMeasures("customer_campaign_", Audience("customers")),
        .. SendMeasures("prospect_", Audience("prospects")),
        .. SendMeasures("nurture_", C("stage").Eq("nurture")),

        Count("nps_responses", "surveys"),
        Count("nps_promoters", "surveys", C("score") >= Lit(9L)),
        Count("nps_passives", "surveys", (C("score") >= Lit(7L)) & (C("score") <= Lit(8L))),
        Count("nps_detractors", "surveys", C("score") <= Lit(6L)),

        Sum("impressions", "channel_stats", C("impressions")),
        Sum("ad_clicks", "channel_stats", C("clicks")),
        Sum("visits", "channel_stats", C("visits")),

        Sum("marketing_spend", "costs", C("cost_rc")),
        Sum("prospect_spend", "costs", C("cost_rc"), C("audience").In("prospects", "all")),
        Sum("channel_spend", "costs", C("cost_rc"), C("from_channel").Eq(Lit(1L))),
        Count("cost_rows_without_rate", "costs", C("cost_rc").IsNull()),

        Count("new_leads", "leads_created"),
        Count("leads_created_mql", "leads_created", C("became_mql_on").IsNotNull()),
        Count("leads_created_converted", "leads_created", C("converted_on").IsNotNull()),
        Count("new_mqls", "leads_mql"),
        new("sales_cycle_days", "leads_converted", AggregateKind.Median, new DaysBetween(C("created_on"), C("converted_on"))),
    ];

    public static MeasureDefinition? Find(string id) => All.FirstOrDefault(m => m.Id == id);
}
