using Ciclo.Warehouse;

namespace Ciclo.Catalog;

/// <summary>The bands in force for a workspace: the built-in ones, overridden or extended by the
/// workspace's own (same metric and band id replaces).</summary>
public static class BenchmarkStore
{
    public static IReadOnlyList<BenchmarkBand> Load(Workspace workspace)
    {
        var own = new List<BenchmarkBand>();
        using (var command = workspace.Connection.CreateCommand())
        {
            command.CommandText = "SELECT metric, band, low, high, source FROM " + workspace.Dialect.TableReference("benchmarks") + " ORDER BY metric, band";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                own.Add(new BenchmarkBand(reader.GetString(0), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetString(4)));
            }
        }

        return Metrics.Benchmarks.Where(b => !own.Any(o => o.Metric == b.Metric && o.Id == b.Id)).Concat(own).ToList();
    }

    public static void Save(Workspace workspace, BenchmarkBand band)
    {
        if (Metrics.Find(band.Metric) is null)
        {
            throw new ArgumentException(band.Metric, nameof(band));
        }

        workspace.Upsert(Warehouse.Tables.Benchmarks, band.Metric, band.Id, band.Low, band.High, band.Source);
        Warehouse.DataVersion.Bump(workspace);
    }
}
