namespace Ciclo.Warehouse;

/// <summary>A workspace cannot be created or opened; the message key names a localized text.</summary>
public sealed class WorkspaceException(string messageKey, params object[] args)
    : Exception(Localization.Text.Format("en", messageKey, args))
{
    public string MessageKey { get; } = messageKey;
    public object[] Arguments { get; } = args;
}
