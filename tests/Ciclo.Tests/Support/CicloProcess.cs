using System.Diagnostics;

namespace Ciclo.Tests.Support;

/// <summary>Runs the built `ciclo` executable as a user would, capturing its output.</summary>
public static class CicloProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static string Executable
    {
        get
        {
            // tests/Ciclo.Tests/bin/<Configuration>/net10.0/ -> src/Ciclo.Cli/bin/<Configuration>/net10.0/ciclo
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            var root = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "src", "Ciclo.Cli", "bin", configuration, output.Name, "ciclo");
        }
    }

    public static Result Run(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(true);
            throw new TimeoutException("ciclo did not finish: " + string.Join(' ', args));
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the executable and returns at once (output redirected), for tests that kill it or run it beside others.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("CICLO_LANG");
        return Process.Start(start)!;
    }
}
