namespace Ciclo.Warehouse;

/// <summary>
/// Which state of its data a workspace is in, for caching results: the latest import's id
/// together with a token in <c>settings</c> that every other change of what a report shows
/// (benchmark bands, verbatim themes, the analysis after a surveys import) replaces. Both live
/// in the workspace, so a change made by another process is seen as well; two reads that give
/// the same version saw the same data.
/// </summary>
public static class DataVersion
{
    public const string SettingKey = "data_version";

    public static string Read(Workspace workspace) => TableVersions.Read(workspace).Whole;

    /// <summary>Marks the data as changed: every result cached for an earlier version is stale.</summary>
    public static void Bump(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.Upsert(Tables.Settings, SettingKey, Guid.NewGuid().ToString("N"));
    }
}
