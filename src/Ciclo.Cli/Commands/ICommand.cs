namespace Ciclo.Cli.Commands;

/// <summary>One `ciclo` verb.</summary>
public interface ICommand
{
    string Name { get; }

    int Run(Arguments args, CliConsole console, string lang);
}
