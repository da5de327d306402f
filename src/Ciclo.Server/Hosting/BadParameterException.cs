namespace Ciclo.Server;

/// <summary>A query parameter or route value is not acceptable: answered 400 with this message.</summary>
public sealed class BadParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
