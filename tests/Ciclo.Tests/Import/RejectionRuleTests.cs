using Ciclo.Import;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Import;

/// <summary>Every rule of the import contract: the bad row is quarantined with its line, column
/// and reason, and the good rows of the same file still load.</summary>
public sealed class RejectionRuleTests
{
    private const string Customers = "customer_id,name,segment,region,acquired_on,churned_on";

    public static TheoryData<string, string, string, string, string> Rules => new()
    {
        // entity, header, bad row, column, reason
        { "customers", Customers, ",No id,SMB,IT,2024-01-01,", "customer_id", "required" },
        { "customers", Customers, "X1,Bad,SMB,IT,2024-13-01,", "acquired_on", "not_a_date" },
        { "customers", Customers, "X1,Bad,SMB,IT,15/03/2024,", "acquired_on", "not_a_date" },
        { "customers", Customers, "X1,Bad,SMB,IT,,", "acquired_on", "required" },
        { "customers", Customers, "X1,Bad,SMB,IT,2024-03-01,2024-02-01", "churned_on", "before_other" },
        { "revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", "R9,NOPE,2024-01-05,10.00,,new", "customer_id", "unknown_reference" },
        { "revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", "R9,A,2024-01-05,-10.00,,upsell", "amount", "negative_not_refund" },
        { "revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", "R9,A,2024-01-05,\"1,000.00\",,new", "amount", "not_a_number" },
        { "revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", "R9,A,2024-01-05,10,EURO,new", "currency", "not_a_currency" },
        { "revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", "R9,A,2024-01-05,10,,gift", "kind", "not_allowed" },
        { "campaigns", "campaign_id,name,channel,audience,stage,program,started_on,cost,currency", "K9,,email,customers,expand,,2024-01-01,,", "name", "required" },
        { "campaigns", "campaign_id,name,channel,audience,stage,program,started_on,cost,currency", "K9,N,fax,customers,expand,,2024-01-01,,", "channel", "not_allowed" },
        { "campaigns", "campaign_id,name,channel,audience,stage,program,started_on,cost,currency", "K9,N,email,partners,expand,,2024-01-01,,", "audience", "not_allowed" },
        { "campaigns", "campaign_id,name,channel,audience,stage,program,started_on,cost,currency", "K9,N,email,customers,retain,,2024-01-01,,", "stage", "not_allowed" },
        { "campaigns", "campaign_id,name,channel,audience,stage,program,started_on,cost,currency", "K9,N,email,customers,expand,,2024-01-01,-5,", "cost", "below_minimum" },
        { "campaign_events", "campaign_id,contact_id,customer_id,event,occurred_at,machine_open", "NOPE,p@x,A,sent,2024-01-01T10:00:00Z,", "campaign_id", "unknown_reference" },
        { "campaign_events", "campaign_id,contact_id,customer_id,event,occurred_at,machine_open", "K1,p@x,A,forwarded,2024-01-01T10:00:00Z,", "event", "not_allowed" },
        { "campaign_events", "campaign_id,contact_id,customer_id,event,occurred_at,machine_open", "K1,p@x,A,opened,yesterday,", "occurred_at", "not_a_timestamp" },
        { "campaign_events", "campaign_id,contact_id,customer_id,event,occurred_at,machine_open", "K1,p@x,A,opened,2024-01-01T10:00:00Z,maybe", "machine_open", "not_a_bool" },
        { "campaign_events", "campaign_id,contact_id,customer_id,event,occurred_at,machine_open", "K1,,A,opened,2024-01-01T10:00:00Z,", "contact_id", "required" },
        { "surveys", "response_id,customer_id,respondent_id,answered_on,score,comment,language", "S9,A,,2024-01-01,11,,", "score", "above_maximum" },
        { "surveys", "response_id,customer_id,respondent_id,answered_on,score,comment,language", "S9,A,,2024-01-01,-1,,", "score", "below_minimum" },
        { "surveys", "response_id,customer_id,respondent_id,answered_on,score,comment,language", "S9,A,,2024-01-01,7.5,,", "score", "not_an_integer" },
        { "surveys", "response_id,customer_id,respondent_id,answered_on,score,comment,language", "S9,A,,2024-01-01,7,,english language", "language", "not_a_language" },
        { "leads", "lead_id,created_on,source_campaign_id,contact_id,segment,became_mql_on,became_sql_on,converted_on,customer_id,lost_on", "L9,2024-01-10,,,,2024-01-09,,,,", "became_mql_on", "before_other" },
        { "leads", "lead_id,created_on,source_campaign_id,contact_id,segment,became_mql_on,became_sql_on,converted_on,customer_id,lost_on", "L9,2024-01-10,,,,,,2024-02-01,,", "customer_id", "customer_required_when_converted" },
        { "leads", "lead_id,created_on,source_campaign_id,contact_id,segment,became_mql_on,became_sql_on,converted_on,customer_id,lost_on", "L9,2024-01-10,,,,,,2024-02-01,A,2024-02-02", "lost_on", "lost_with_converted" },
        { "leads", "lead_id,created_on,source_campaign_id,contact_id,segment,became_mql_on,became_sql_on,converted_on,customer_id,lost_on", "L9,2024-01-10,NOPE,,,,,,,", "source_campaign_id", "unknown_reference" },
        { "channel_stats", "campaign_id,day,impressions,clicks,visits,cost,currency", "K1,2024-01-01,10,11,,,", "clicks", "clicks_above_impressions" },
        { "channel_stats", "campaign_id,day,impressions,clicks,visits,cost,currency", "K1,2024-01-01,-1,0,,,", "impressions", "below_minimum" },
        { "program_members", "program,customer_id,tier,joined_on,left_on", "vip,NOPE,gold,2024-01-01,", "customer_id", "unknown_reference" },
        { "program_members", "program,customer_id,tier,joined_on,left_on", "vip,A,gold,2024-01-01,2023-12-31", "left_on", "before_other" },
        { "fx_rates", "currency,day,rate", "USD,2024-01-01,0", "rate", "not_positive" },
        { "fx_rates", "currency,day,rate", "USD,2024-01-01,abc", "rate", "not_a_number" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_row_breaking_a_rule_is_quarantined_and_the_good_rows_load(string entity, string header, string bad, string column, string reason)
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("customers", Customers, "A,Alpha,SMB,IT,2023-06-01,");
        ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,program,started_on,cost,currency", "K1,Spring,email,customers,expand,,2024-01-01,,");
        var good = GoodRow(entity);
        var before = ws.Count(entity);

        var summary = ws.ImportCsv(entity, header, good, bad);

        Assert.Equal(2, summary.Read);
        Assert.Equal(1, summary.Rejected);
        Assert.Equal(before + 1, ws.Count(entity));
        var rejection = Assert.Single(Importer.Quarantine(ws.Workspace, entity), r => r.Column == column);
        Assert.Equal(3, rejection.Line);
        Assert.Equal(reason, rejection.Reason);
        Assert.StartsWith(entity + "-", rejection.File);
    }

    private static string GoodRow(string entity) => entity switch
    {
        "customers" => "B,Beta,Enterprise,US,2024-01-01,",
        "revenue" => "R1,A,2024-01-05,100.50,,new",
        "campaigns" => "K2,Autumn,webinar,prospects,capture,,2024-02-01,10,USD",
        "campaign_events" => "K1,p@a,A,sent,2024-01-01T09:00:00+01:00,",
        "surveys" => "S1,A,,2024-01-02,9,Great,en",
        "leads" => "L1,2024-01-01,K1,,SMB,2024-01-02,,2024-01-05,A,",
        "channel_stats" => "K1,2024-01-02,100,5,3,1.5,",
        "program_members" => "vip,A,gold,2024-01-01,",
        "fx_rates" => "USD,2024-01-02,0.92",
        _ => throw new ArgumentOutOfRangeException(nameof(entity)),
    };
}
