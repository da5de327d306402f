using System.Globalization;
using Ciclo.Warehouse.ClickHouse;

namespace Ciclo.Tests.Support;

/// <summary>
/// A two-shard ClickHouse cluster on the one test server: a cluster definition of its own in the
/// server's config.d, whose two replicas are the server itself with the default databases
/// NAME_s1 and NAME_s2 (the shards' local databases). The server reloads it within seconds.
/// </summary>
public static class TestCluster
{
    /// <summary>Declares the cluster, waits until the server knows it, and returns the workspace address.</summary>
    public static string Create(string name)
    {
        var port = TestServices.ClickHouseTcpPort;
        var replicas = string.Concat(new[] { "_s1", "_s2" }.Select(s =>
            $"<shard><replica><host>127.0.0.1</host><port>{port}</port><default_database>{name}{s}</default_database></replica></shard>"));
        File.WriteAllText(Path.Combine(TestServices.ClickHouseClusters, name + ".xml"),
            $"<yandex><remote_servers><{name}>{replicas}</{name}></remote_servers></yandex>\n");
        var server = TestServices.ClickHouse[..TestServices.ClickHouse.LastIndexOf('/')];
        var admin = new ClickHouseConnection(server + "/default");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (admin.Query($"SELECT count() FROM system.clusters WHERE cluster = '{name}'").Trim() != "2")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The ClickHouse server did not load the cluster " + name);
            }

            Thread.Sleep(250);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{server}/{name}?cluster={name}&shards={name}_s1,{name}_s2");
    }

    /// <summary>Drops the workspace and shard databases and the cluster definition.</summary>
    public static void Drop(string name)
    {
        var admin = new ClickHouseConnection(TestServices.ClickHouse[..TestServices.ClickHouse.LastIndexOf('/')] + "/default");
        foreach (var database in new[] { name, name + "_s1", name + "_s2" })
        {
            admin.Query("DROP DATABASE IF EXISTS " + database);
        }

        File.Delete(Path.Combine(TestServices.ClickHouseClusters, name + ".xml"));
    }
}
