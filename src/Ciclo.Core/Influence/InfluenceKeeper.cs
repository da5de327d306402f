using System.Globalization;
using Ciclo.Import;
using Ciclo.Warehouse;

namespace Ciclo.Influence;

/// <summary>
/// What influence read, kept between reports by a long-running process (the server), per time zone
/// and window, with the versions of the workspace's tables it was read at (<see cref="TableVersions"/>).
/// A report at the same versions reads nothing. After imports of campaign events only, made through
/// this process (<see cref="Imported"/> names the campaigns each rewrote), only those campaigns are
/// read again (<see cref="InfluenceData.Reread"/>): after a day of events, the day's campaigns
/// instead of every campaign. Any other change (another entity's import, an import this process did
/// not make, a change that replaces the token) reads everything again. Reads must be snapshots, so
/// that the versions and the rows agree: ClickHouse always reads everything.
/// </summary>
public sealed class InfluenceKeeper(int capacity = 4)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Zone, int Window), (TableVersions Versions, InfluenceData Data)> _kept = [];
    private readonly Dictionary<long, IReadOnlyList<string>> _eventImports = [];
    private long _loads;
    private long _rereads;
    private long _reuses;

    /// <summary>Reports that read everything.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>Reports that read again only the campaigns whose events changed.</summary>
    public long Rereads => Interlocked.Read(ref _rereads);

    /// <summary>Reports that read nothing: the data had not changed.</summary>
    public long Reuses => Interlocked.Read(ref _reuses);

    /// <summary>The events imports whose campaigns are kept, for data not yet read past them.</summary>
    internal int EventImportsKept
    {
        get
        {
            lock (_lock)
            {
                return _eventImports.Count;
            }
        }
    }

    /// <summary>Tells the keeper of an import made through this process, once it is committed.</summary>
    public void Imported(ImportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Entity == Entities.CampaignEvents.Name && summary.ImportId > 0)
        {
            lock (_lock)
            {
                _eventImports[summary.ImportId] = summary.RewrittenCampaigns;
            }
        }
    }

    /// <summary>What <see cref="InfluenceData.Load"/> gives now, read in part or not at all where the
    /// data kept allows, on the workspace's connection (inside its snapshot).</summary>
    internal InfluenceData Data(Workspace workspace, string timeZone, int window)
    {
        if (workspace.Engine.Kind == Engine.ClickHouse)
        {
            Interlocked.Increment(ref _loads);
            return InfluenceData.Load(workspace, timeZone, window);
        }

        var key = (timeZone, window);
        var now = TableVersions.Read(workspace);
        (TableVersions Versions, InfluenceData Data) kept;
        bool found;
        lock (_lock)
        {
            found = _kept.TryGetValue(key, out kept);
        }

        InfluenceData data;
        if (found && now.SameExcept(kept.Versions, Entities.CampaignEvents.Name) && Changed(workspace, kept.Versions, now) is { } campaigns)
        {
            if (campaigns.Count == 0)
            {
                Interlocked.Increment(ref _reuses);
                return kept.Data;
            }

            Interlocked.Increment(ref _rereads);
            data = kept.Data.Reread(workspace, timeZone, window, campaigns);
        }
        else
        {
            Interlocked.Increment(ref _loads);
            data = InfluenceData.Load(workspace, timeZone, window);
        }

        lock (_lock)
        {
            if (!_kept.ContainsKey(key) && _kept.Count >= capacity)
            {
                _kept.Clear();
            }

            _kept[key] = (now, data);

            // An events import no kept data is older than is never asked for again.
            var oldest = _kept.Values.Min(k => k.Versions.Latest(Entities.CampaignEvents.Name));
            foreach (var id in _eventImports.Keys.Where(id => id <= oldest).ToList())
            {
                _eventImports.Remove(id);
            }
        }

        return data;
    }

    /// <summary>The campaigns rewritten by the events' imports since <paramref name="earlier"/>; null when
    /// one of them was not made through this process.</summary>
    private HashSet<string>? Changed(Workspace workspace, TableVersions earlier, TableVersions now)
    {
        var campaigns = new HashSet<string>(StringComparer.Ordinal);
        var since = earlier.Latest(Entities.CampaignEvents.Name);
        if (now.Latest(Entities.CampaignEvents.Name) == since)
        {
            return campaigns;
        }

        var d = workspace.Dialect;
        var imports = QueryRows.Read(workspace.Connection, $"SELECT import_id FROM {d.TableReference("imports")} " +
            $"WHERE entity = {d.Literal(Entities.CampaignEvents.Name)} AND import_id > {since.ToString(CultureInfo.InvariantCulture)}");
        lock (_lock)
        {
            foreach (var row in imports.Rows)
            {
                if (!_eventImports.TryGetValue(Convert.ToInt64(row[0], CultureInfo.InvariantCulture), out var rewritten))
                {
                    return null;
                }

                campaigns.UnionWith(rewritten);
            }
        }

        return campaigns;
    }
}
