using Ciclo.Dialects;

namespace Ciclo.Warehouse;

/// <summary>One step of the schema's history. Steps are applied in order, once each, and never
/// edited after release: a later release adds a step, so it opens every older workspace.</summary>
public sealed record Migration(int Version, string Description, Func<SqlDialect, IEnumerable<string>> Statements);
