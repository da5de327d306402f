namespace Ciclo.Cli;

/// <summary>The command line is wrong; the key names a localized message.</summary>
public sealed class UsageException(string messageKey, params object[] args) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public object[] Arguments { get; } = args;
}
