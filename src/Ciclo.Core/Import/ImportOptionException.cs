namespace Ciclo.Import;

/// <summary>An import option names nothing known (a culture, an encoding, a separator); the key
/// names a localized message.</summary>
public sealed class ImportOptionException(string messageKey, params object[] args)
    : Exception(Localization.Text.Format("en", messageKey, args))
{
    public string MessageKey { get; } = messageKey;
    public object[] Arguments { get; } = args;
}
