namespace Ciclo.Influence;

/// <summary>
/// The engagements influence credits, kept compactly: campaign and customer ids are numbered once
/// (a campaign's number follows the ordinal order of the ids seen, through <see cref="CampaignRank"/>),
/// and each row is one small struct: a campaign's engagements by a customer on one local day, with
/// the first and the last instant among them (all a rule compares, its windows being whole days).
/// At a hundred million events there are about fifteen million engagements, which as objects with
/// their own strings took gigabytes.
/// </summary>
internal sealed class EngagementTable
{
    public readonly record struct Row(int Campaign, int Customer, int Day, long FirstTicks, long LastTicks);

    private readonly Dictionary<string, int> _campaigns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _customers = new(StringComparer.Ordinal);
    private readonly List<Row> _rows = [];
    private int[]? _rank;

    public List<string> CampaignIds { get; } = [];

    public List<string> CustomerIds { get; } = [];

    public int Count => _rows.Count;

    public void Add(string campaign, string customer, int day, DateTime first, DateTime last)
    {
        _rows.Add(new Row(Number(_campaigns, CampaignIds, campaign), Number(_customers, CustomerIds, customer), day, first.Ticks, last.Ticks));
        _rank = null;
    }

    public int? CustomerNumber(string customer) => _customers.TryGetValue(customer, out var n) ? n : null;

    /// <summary>A copy without the rows of the campaigns named, each id keeping its number (an id left
    /// without rows is like one never seen: no row reads it). The rows are copied as they are: at L's
    /// 3.1M engagements, 1.1 s through <see cref="Add"/> with its lookups.</summary>
    public EngagementTable Without(IReadOnlySet<string> campaigns)
    {
        var copy = new EngagementTable();
        foreach (var id in CampaignIds)
        {
            Number(copy._campaigns, copy.CampaignIds, id);
        }

        foreach (var id in CustomerIds)
        {
            Number(copy._customers, copy.CustomerIds, id);
        }

        var dropped = CampaignIds.Select(campaigns.Contains).ToArray();
        copy._rows.Capacity = _rows.Count;
        foreach (var row in _rows)
        {
            if (!dropped[row.Campaign])
            {
                copy._rows.Add(row);
            }
        }

        return copy;
    }

    /// <summary>Each campaign number's place in the ordinal order of the campaign ids (ties of an
    /// instant go to the first id).</summary>
    public int[] CampaignRank
    {
        get
        {
            if (_rank is null)
            {
                var order = Enumerable.Range(0, CampaignIds.Count).OrderBy(i => CampaignIds[i], StringComparer.Ordinal).ToArray();
                _rank = new int[order.Length];
                for (var place = 0; place < order.Length; place++)
                {
                    _rank[order[place]] = place;
                }
            }

            return _rank;
        }
    }

    /// <summary>The engagements grouped by customer (a counting sort) and by day within each;
    /// customer n's are <c>Rows[Start[n]..Start[n + 1]]</c>.</summary>
    public (Row[] Rows, int[] Start) ByCustomer()
    {
        var start = new int[CustomerIds.Count + 1];
        foreach (var row in _rows)
        {
            start[row.Customer + 1]++;
        }

        for (var n = 0; n < CustomerIds.Count; n++)
        {
            start[n + 1] += start[n];
        }

        var next = (int[])start.Clone();
        var rows = new Row[_rows.Count];
        foreach (var row in _rows)
        {
            rows[next[row.Customer]++] = row;
        }

        for (var n = 0; n < CustomerIds.Count; n++)
        {
            Array.Sort(rows, start[n], start[n + 1] - start[n], ByDay.Instance);
        }

        return (rows, start);
    }

    /// <summary>The rows with their ids, in the order read.</summary>
    public IEnumerable<(string Campaign, string Customer, int Day, DateTime First, DateTime Last)> WithIds() =>
        _rows.Select(r => (CampaignIds[r.Campaign], CustomerIds[r.Customer], r.Day, new DateTime(r.FirstTicks, DateTimeKind.Utc), new DateTime(r.LastTicks, DateTimeKind.Utc)));

    private static int Number(Dictionary<string, int> numbers, List<string> ids, string id)
    {
        if (!numbers.TryGetValue(id, out var n))
        {
            n = ids.Count;
            numbers[id] = n;
            ids.Add(id);
        }

        return n;
    }

    private sealed class ByDay : IComparer<Row>
    {
        public static readonly ByDay Instance = new();

        public int Compare(Row x, Row y) => x.Day.CompareTo(y.Day);
    }
}
