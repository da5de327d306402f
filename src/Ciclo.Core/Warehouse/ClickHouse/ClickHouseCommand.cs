using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Ciclo.Warehouse.ClickHouse;

/// <summary>One statement over HTTP. Values are inlined as literals by the dialect's one literal
/// function; parameters are not supported.</summary>
public sealed class ClickHouseCommand(ClickHouseConnection connection) : DbCommand
{
    [AllowNull]
    public override string CommandText { get; set; } = string.Empty;

    public override int CommandTimeout { get; set; } = 1800;

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection { get => connection; set => throw new NotSupportedException(); }

    protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException("ClickHouse commands take literals, not parameters.");

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override int ExecuteNonQuery()
    {
        connection.Query(CommandText);
        return 0;
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        return reader.Read() ? reader.GetValue(0) : null;
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => throw new NotSupportedException();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
        ClickHouseDataReader.Parse(connection.Query(CommandText.TrimEnd().TrimEnd(';') + "\nFORMAT TSVWithNamesAndTypes"));
}
