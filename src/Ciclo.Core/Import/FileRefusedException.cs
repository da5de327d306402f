namespace Ciclo.Import;

/// <summary>The file cannot be read at all (wrong encoding, missing required column, unknown
/// format): it is refused whole and nothing is loaded.</summary>
public sealed class FileRefusedException(string file, string messageKey, params object[] args)
    : Exception(Localization.Text.Format("en", messageKey, [file, .. args]))
{
    public string File { get; } = file;
    public string MessageKey { get; } = messageKey;
    public object[] Arguments { get; } = [file, .. args];
}
