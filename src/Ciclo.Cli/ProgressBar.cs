using System.Globalization;

namespace Ciclo.Cli;

/// <summary>A one-line progress bar on standard error, redrawn in place.</summary>
public sealed class ProgressBar(TextWriter writer, string label) : IProgress<double>
{
    private int _last = -1;

    public void Report(double value)
    {
        var percent = (int)Math.Clamp(value * 100, 0, 100);
        if (percent == _last)
        {
            return;
        }

        _last = percent;
        var filled = percent / 4;
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r{label} [{new string('#', filled)}{new string('.', 25 - filled)}] {percent,3}%"));
        if (percent == 100)
        {
            writer.Write('\n');
        }
    }
}
