using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ciclo.Import;

namespace Ciclo.Warehouse;

/// <summary>
/// Which state each entity's rows are in, for keeping a query's result: the latest import of each
/// entity, and the token every other change of what a report shows replaces (<see cref="DataVersion"/>).
/// <see cref="Of"/> gives the version of the rows one statement reads: the imports of the entities
/// whose tables it names, and the token. The tables derived from an entity (the per-send table and
/// its rollups, <see cref="EntitySchema.Derived"/>) are rewritten by that entity's imports only, so
/// they take its version; a statement naming the imports or the quarantine takes every import's.
/// A name matched where it is not a table (an alias, a column) only makes the version stricter.
/// </summary>
public sealed class TableVersions
{
    private const string AnyImport = "*";

    private static readonly IReadOnlyDictionary<string, string> EntityOfTable = BuildEntityOfTable();

    private static readonly Regex TableName = new(
        @"(?<![A-Za-z0-9_])(" + string.Join("|", EntityOfTable.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![A-Za-z0-9_])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private readonly IReadOnlyDictionary<string, long> _latestImport;
    private readonly string _token;

    public TableVersions(IReadOnlyDictionary<string, long> latestImport, string token)
    {
        _latestImport = latestImport;
        _token = token;
    }

    /// <summary>The versions as they are now, read on the workspace's connection (in its transaction, if one is open).</summary>
    public static TableVersions Read(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var d = workspace.Dialect;
        var latest = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var command = workspace.Connection.CreateCommand())
        {
            command.CommandText = $"SELECT entity, max(import_id) FROM {d.TableReference("imports")} GROUP BY entity";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                latest[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        var token = workspace.Connection.Scalar(
            $"SELECT max(value) FROM {d.TableReference("settings")} WHERE key = {d.Literal(DataVersion.SettingKey)}");
        return new TableVersions(latest, token as string ?? string.Empty);
    }

    /// <summary>The version of what <paramref name="sql"/> reads: equal for two states of the workspace
    /// only when no import since one of them changed a table the statement names.</summary>
    public string Of(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var entities = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in TableName.Matches(sql))
        {
            entities.Add(EntityOfTable[match.Value.ToLowerInvariant()]);
        }

        var version = new StringBuilder();
        foreach (var entity in entities)
        {
            var latest = entity == AnyImport ? LatestOfAny : _latestImport.GetValueOrDefault(entity);
            version.Append(entity).Append('=').Append(latest.ToString(CultureInfo.InvariantCulture)).Append(';');
        }

        return version.Append(_token).ToString();
    }

    /// <summary>The version of the whole workspace (<see cref="DataVersion"/>): its latest import of any
    /// entity and the token.</summary>
    public string Whole => LatestOfAny.ToString(CultureInfo.InvariantCulture) + ":" + _token;

    private long LatestOfAny => _latestImport.Values.DefaultIfEmpty(0).Max();

    /// <summary>The latest import of an entity (0 when none).</summary>
    public long Latest(string entity) => _latestImport.GetValueOrDefault(entity);

    /// <summary>Whether no import of any entity but <paramref name="entity"/>, and nothing that replaces
    /// the token, came between <paramref name="earlier"/> and these versions.</summary>
    public bool SameExcept(TableVersions earlier, string entity)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return _token == earlier._token &&
               _latestImport.Keys.Union(earlier._latestImport.Keys).All(e => e == entity || Latest(e) == earlier.Latest(e));
    }

    private static Dictionary<string, string> BuildEntityOfTable()
    {
        var map = Entities.All.ToDictionary(e => e.Table, e => e.Name, StringComparer.Ordinal);
        foreach (var derived in Catalog.SendTable.Tables)
        {
            map[derived.Table] = Entities.CampaignEvents.Name;
        }

        map[Tables.Imports.Table] = AnyImport;
        map[Tables.Quarantine.Table] = AnyImport;
        return map;
    }
}
