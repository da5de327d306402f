using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;

namespace Ciclo.Warehouse.ClickHouse;

/// <summary>
/// A small ADO.NET connection to ClickHouse's HTTP interface (the ClickHouse.Driver package
/// needs newer servers than Debian's 18.16). Statements are POSTed one per request; results come
/// back as TSVWithNamesAndTypes. ClickHouse has no transactions: the transaction object only
/// marks a unit of work.
/// </summary>
public sealed class ClickHouseConnection : DbConnection
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(30) };
    private readonly Uri _server;
    private string _database;
    private ConnectionState _state = ConnectionState.Closed;

    /// <param name="address">clickhouse://HOST[:PORT]/DB (a query, such as a cluster's, is not the connection's)</param>
    public ClickHouseConnection(string address)
    {
        var uri = new Uri(address);
        _server = new Uri("http://" + uri.Host + ":" + (uri.Port > 0 ? uri.Port : 8123).ToString(System.Globalization.CultureInfo.InvariantCulture) + "/");
        _database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? db : "default";
        ConnectionString = address;
    }

    [AllowNull]
    public override string ConnectionString { get; set; }

    public override string Database => _database;

    public override string DataSource => _server.ToString();

    public override string ServerVersion => Query("SELECT version()").Trim();

    public override ConnectionState State => _state;

    public override void Open()
    {
        Send("SELECT 1", null, database: "default");
        _state = ConnectionState.Open;
    }

    public override void Close() => _state = ConnectionState.Closed;

    public override void ChangeDatabase(string databaseName) => _database = databaseName;

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new ClickHouseTransaction(this);

    protected override DbCommand CreateDbCommand() => new ClickHouseCommand(this);

    /// <summary>Runs one statement and returns the body of the answer.</summary>
    public string Query(string sql) => Send(sql, null, _database);

    /// <summary>INSERT ... FORMAT TabSeparated with the rows as the body.</summary>
    public void Insert(string insertStatement, Stream body) => Send(insertStatement, body, _database);

    private string Send(string sql, Stream? body, string database)
    {
        // join_use_nulls: a LEFT JOIN without a match gives NULLs, as in SQL, not default values.
        // insert_distributed_sync: an insert into a Distributed table returns once every shard has its rows.
        // distributed_product_mode=local: in a query each shard runs, a subquery of a Distributed table reads
        // the shard's own part (the planner sends only per-customer subqueries there, co-located by customer).
        var url = new Uri(_server, "?database=" + Uri.EscapeDataString(database) +
                                   "&join_use_nulls=1&insert_distributed_sync=1&distributed_product_mode=local&max_query_size=104857600" +
                                   (body is null ? string.Empty : "&query=" + Uri.EscapeDataString(sql)));
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (body is null)
        {
            request.Content = new StringContent(sql, Encoding.UTF8);
        }
        else
        {
            request.Content = new StreamContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/tab-separated-values");
        }

        using var response = Http.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
        var text = reader.ReadToEnd();
        if (!response.IsSuccessStatusCode)
        {
            throw new ClickHouseException(text.Trim());
        }

        return text;
    }
}

/// <summary>An error answered by the ClickHouse server.</summary>
public sealed class ClickHouseException(string message) : DbException(message);

/// <summary>ClickHouse has no transactions: commit and rollback do nothing.</summary>
public sealed class ClickHouseTransaction(ClickHouseConnection connection) : DbTransaction
{
    public override IsolationLevel IsolationLevel => IsolationLevel.Unspecified;

    protected override DbConnection DbConnection => connection;

    public override void Commit()
    {
    }

    public override void Rollback()
    {
    }
}
