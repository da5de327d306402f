using static Ciclo.Catalog.Direction;
using static Ciclo.Catalog.MetricKind;
using static Ciclo.Catalog.Stage;
using static Ciclo.Catalog.Unit;

namespace Ciclo.Catalog;

/// <summary>The metric catalog, in display order within each stage (METRICS.md).</summary>
public static class Metrics
{
    private static Ref R(string id) => new(id);

    private static MetricDefinition M(string id, Stage stage, MetricKind kind, Unit unit, Direction direction, Formula? formula = null) =>
        new(id, stage, kind, unit, direction, formula ?? R(id));

    private static readonly string[] RevenueRate = ["revenue_rows_without_rate"];
    private static readonly string[] CostRate = ["cost_rows_without_rate"];

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        // Attract
        M("impressions", Attract, Activity, Count, Up),
        M("ad_clicks", Attract, Activity, Count, Up),
        M("visits", Attract, Activity, Count, Up),
        M("ad_click_rate", Attract, Activity, Ratio, Up, R("ad_clicks") / R("impressions")),
        M("cost_per_click", Attract, Activity, Currency, Down, R("channel_spend") / R("ad_clicks")) with { Completeness = CostRate },
        M("marketing_spend", Attract, Activity, Currency, Neutral) with { Completeness = CostRate },

        // Capture
        M("new_leads", Capture, Activity, Count, Up),
        M("cost_per_lead", Capture, Activity, Currency, Down, R("prospect_spend") / R("new_leads")) with { Completeness = CostRate },
        M("prospect_response_rate", Capture, Activity, Ratio, Up, R("prospect_clicked") / R("prospect_delivered")),

        // Nurture
        M("new_mqls", Nurture, Activity, Count, Up),
        M("lead_to_mql_rate", Nurture, Activity, Ratio, Up, R("leads_created_mql") / R("new_leads")),
        M("nurture_open_rate", Nurture, Activity, Ratio, Up, R("nurture_opened") / R("nurture_delivered")),
        M("nurture_click_rate", Nurture, Activity, Ratio, Up, R("nurture_clicked") / R("nurture_delivered")),

        // Convert
        M("lead_to_customer_rate", Stage.Convert, Result, Ratio, Up, R("leads_created_converted") / R("new_leads")) with { Cohort = true },
        M("sales_cycle_days", Stage.Convert, Result, Days, Down),
        M("new_customer_revenue", Stage.Convert, Result, Currency, Up) with { Completeness = RevenueRate },
        M("customer_acquisition_cost", Stage.Convert, Result, Currency, Down, R("prospect_spend") / R("customers_new")) with { Completeness = CostRate },

        // Expand: customers and churn
        M("customers_start", Expand, Result, Count, Neutral),
        M("customers_new", Expand, Result, Count, Up),
        M("customers_lost", Expand, Result, Count, Down),
        M("customers_new_lost", Expand, Result, Count, Down),
        M("customers_end", Expand, Result, Count, Up,
            R("customers_start") + R("customers_new") - R("customers_lost") - R("customers_new_lost")),
        M("churn_rate", Expand, Result, Ratio, Down, R("customers_lost") / R("customers_start")),
        M("retention_rate", Expand, Result, Ratio, Up, new Constant(1) - R("churn_rate")),

        // Expand: revenue
        M("total_revenue", Expand, Result, Currency, Up) with { Completeness = RevenueRate },
        M("upsell_revenue", Expand, Result, Currency, Up) with { Completeness = RevenueRate },
        M("upsell_revenue_share", Expand, Result, Ratio, Up, R("upsell_revenue") / R("total_revenue")) with { Completeness = RevenueRate },
        M("existing_customer_revenue", Expand, Result, Currency, Up) with { Completeness = RevenueRate },
        M("existing_customer_revenue_share", Expand, Result, Ratio, Up, R("existing_customer_revenue") / R("total_revenue")) with { Completeness = RevenueRate },
        M("expansion_revenue", Expand, Result, Currency, Up) with { Completeness = RevenueRate },

        // Expand: campaigns aimed at customers
        M("customer_campaign_sends", Expand, Activity, Count, Up),
        M("customer_campaign_delivered", Expand, Activity, Count, Up),
        M("customer_campaign_open_rate", Expand, Activity, Ratio, Up, R("customer_campaign_opened") / R("customer_campaign_delivered")),
        M("customer_campaign_click_rate", Expand, Activity, Ratio, Up, R("customer_campaign_clicked") / R("customer_campaign_delivered")),
        M("customer_campaign_click_to_open_rate", Expand, Activity, Ratio, Up, R("customer_campaign_clicked") / R("customer_campaign_opened")),
        M("customer_campaign_unsubscribe_rate", Expand, Activity, Ratio, Down, R("customer_campaign_unsubscribed") / R("customer_campaign_delivered")),
        M("customer_campaign_machine_opens", Expand, Activity, Count, Neutral, R("customer_campaign_machine_only")),

        // Expand: programmes
        M("programme_members", Expand, Activity, Count, Up),
        M("programme_enrolment_rate", Expand, Activity, Ratio, Up, R("programme_members") / R("customers_end")),
        M("member_churn_rate", Expand, Result, Ratio, Down, R("members_lost") / R("members_start")),
        M("non_member_churn_rate", Expand, Result, Ratio, Down, R("non_members_lost") / R("non_members_start")),
        M("member_expansion_revenue_per_customer", Expand, Result, Currency, Up, R("member_expansion_revenue") / R("members_start")) with { Completeness = RevenueRate },
        M("non_member_expansion_revenue_per_customer", Expand, Result, Currency, Up, R("non_member_expansion_revenue") / R("non_members_start")) with { Completeness = RevenueRate },

        // Expand: loyalty
        M("nps_responses", Expand, Result, Count, Up),
        M("nps_promoters", Expand, Result, Count, Up),
        M("nps_passives", Expand, Result, Count, Neutral),
        M("nps_detractors", Expand, Result, Count, Down),
        M("nps", Expand, Result, Score, Up, new Constant(100) * (R("nps_promoters") - R("nps_detractors")) / R("nps_responses")),
        M("nps_margin_of_error", Expand, Result, Score, Down,
            new Constant(196) * new SquareRoot(
                ((R("nps_promoters") + R("nps_detractors")) / R("nps_responses")
                 - (R("nps_promoters") - R("nps_detractors")) / R("nps_responses") * ((R("nps_promoters") - R("nps_detractors")) / R("nps_responses")))
                / R("nps_responses"))),
    ];

    public static MetricDefinition? Find(string id) => All.FirstOrDefault(m => m.Id == id);

    /// <summary>The metrics a programme report shows (ciclo programmes, /api/programmes).</summary>
    public static IReadOnlyList<string> ProgrammeIds { get; } =
    [
        "programme_members", "programme_enrolment_rate", "member_churn_rate", "non_member_churn_rate",
        "member_expansion_revenue_per_customer", "non_member_expansion_revenue_per_customer",
    ];

    /// <summary>The built-in benchmark bands (Act-On's customer lifecycle research).</summary>
    public static IReadOnlyList<BenchmarkBand> Benchmarks { get; } =
    [
        new("upsell_revenue_share", "upsell_young", 0.10, 0.30, "Act-On, customer lifecycle marketing research"),
        new("upsell_revenue_share", "upsell_mature", 0.50, null, "Act-On, customer lifecycle marketing research"),
        new("existing_customer_revenue_share", "existing_average_to_top", 0.30, 0.50, "Act-On, customer lifecycle marketing research"),
    ];
}
