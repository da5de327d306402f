using System.Text;

namespace Ciclo.Cli;

/// <summary>Where a command writes: standard output for results, standard error for messages
/// and the progress bar (drawn only on a terminal).</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, bool interactive)
{
    public static CliConsole System()
    {
        global::System.Console.OutputEncoding = new UTF8Encoding(false);
        return new(global::System.Console.Out, global::System.Console.Error, !global::System.Console.IsErrorRedirected);
    }

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public IProgress<double>? Progress(string label) => interactive ? new ProgressBar(Error, label) : null;
}
