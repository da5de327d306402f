namespace Ciclo.Import;

/// <summary>The import contract of every entity, as data. Order matters: an entity can only
/// reference entities declared before it.</summary>
public static class Entities
{
    private static readonly string[] RevenueKinds =
        ["new", "renewal", "upsell", "cross_sell", "services", "training", "refund", "other"];

    public static readonly EntitySchema Customers = new("customers",
    [
        new("customer_id", ColumnType.Text, true),
        new("name", ColumnType.Text),
        new("segment", ColumnType.Text) { FewValues = true },
        new("region", ColumnType.Text) { FewValues = true },
        new("acquired_on", ColumnType.Date, true),
        new("churned_on", ColumnType.Date) { NotBefore = "acquired_on" },
    ], ["customer_id"]);

    public static readonly EntitySchema FxRates = new("fx_rates",
    [
        new("currency", ColumnType.Currency, true),
        new("day", ColumnType.Date, true),
        new("rate", ColumnType.Decimal, true) { Min = 0.0000000001m },
    ], ["currency", "day"]);

    public static readonly EntitySchema Revenue = new("revenue",
    [
        new("revenue_id", ColumnType.Text, true),
        new("customer_id", ColumnType.Text, true) { References = "customers" },
        new("booked_on", ColumnType.Date, true),
        new("amount", ColumnType.Decimal, true),
        new("currency", ColumnType.Currency),
        ColumnSpec.Enum("kind", true, RevenueKinds),
    ], ["revenue_id"])
    {
        Rules = [new RowRule(RowRuleKind.NegativeOnlyForRefund, "amount")],
    };

    public static readonly EntitySchema Campaigns = new("campaigns",
    [
        new("campaign_id", ColumnType.Text, true),
        new("name", ColumnType.Text, true),
        ColumnSpec.Enum("channel", true, "email", "webinar", "event", "ads", "social", "content", "direct_mail", "other"),
        ColumnSpec.Enum("audience", true, "prospects", "customers", "all"),
        ColumnSpec.Enum("stage", true, "attract", "capture", "nurture", "convert", "expand"),
        new("program", ColumnType.Text) { FewValues = true },
        new("started_on", ColumnType.Date, true),
        new("cost", ColumnType.Decimal) { Min = 0 },
        new("currency", ColumnType.Currency),
    ], ["campaign_id"]);

    public static readonly EntitySchema CampaignEvents = new("campaign_events",
    [
        new("campaign_id", ColumnType.Text, true) { References = "campaigns", FewValues = true },
        new("contact_id", ColumnType.Text, true),
        new("customer_id", ColumnType.Text),
        ColumnSpec.Enum("event", true, "sent", "bounced", "opened", "clicked", "unsubscribed", "complained"),
        new("occurred_at", ColumnType.Timestamp, true),
        new("machine_open", ColumnType.Bool),
    ], ["campaign_id", "contact_id", "event", "occurred_at"]);

    public static readonly EntitySchema Surveys = new("surveys",
    [
        new("response_id", ColumnType.Text, true),
        new("customer_id", ColumnType.Text),
        new("respondent_id", ColumnType.Text),
        new("answered_on", ColumnType.Date, true),
        new("score", ColumnType.Integer, true) { Min = 0, Max = 10 },
        new("comment", ColumnType.Text),
        new("language", ColumnType.Language),
    ], ["response_id"]);

    public static readonly EntitySchema Leads = new("leads",
    [
        new("lead_id", ColumnType.Text, true),
        new("created_on", ColumnType.Date, true),
        new("source_campaign_id", ColumnType.Text) { References = "campaigns", FewValues = true },
        new("contact_id", ColumnType.Text),
        new("segment", ColumnType.Text) { FewValues = true },
        new("became_mql_on", ColumnType.Date) { NotBefore = "created_on" },
        new("became_sql_on", ColumnType.Date) { NotBefore = "created_on" },
        new("converted_on", ColumnType.Date) { NotBefore = "created_on" },
        new("customer_id", ColumnType.Text) { References = "customers" },
        new("lost_on", ColumnType.Date) { NotBefore = "created_on" },
    ], ["lead_id"])
    {
        Rules =
        [
            new RowRule(RowRuleKind.CustomerRequiredWhenConverted, "customer_id"),
            new RowRule(RowRuleKind.LostNotWithConverted, "lost_on"),
        ],
    };

    public static readonly EntitySchema ChannelStats = new("channel_stats",
    [
        new("campaign_id", ColumnType.Text, true) { References = "campaigns", FewValues = true },
        new("day", ColumnType.Date, true),
        new("impressions", ColumnType.Integer, true) { Min = 0 },
        new("clicks", ColumnType.Integer, true) { Min = 0 },
        new("visits", ColumnType.Integer) { Min = 0 },
        new("cost", ColumnType.Decimal) { Min = 0 },
        new("currency", ColumnType.Currency),
    ], ["campaign_id", "day"])
    {
        Rules = [new RowRule(RowRuleKind.ClicksNotAboveImpressions, "clicks")],
    };

    public static readonly EntitySchema ProgramMembers = new("program_members",
    [
        new("program", ColumnType.Text, true) { FewValues = true },
        new("customer_id", ColumnType.Text, true) { References = "customers" },
        new("tier", ColumnType.Text) { FewValues = true },
        new("joined_on", ColumnType.Date, true),
        new("left_on", ColumnType.Date) { NotBefore = "joined_on" },
    ], ["program", "customer_id", "joined_on"]);

    public static IReadOnlyList<EntitySchema> All { get; } =
        [Customers, FxRates, Revenue, Campaigns, CampaignEvents, Surveys, Leads, ChannelStats, ProgramMembers];

    public static EntitySchema? Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The key column of the entity a column references.</summary>
    public static string KeyOf(string entity) => Find(entity)!.Key[0];
}
