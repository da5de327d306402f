using Ciclo.Cli;
using Ciclo.Cli.Commands;
using Ciclo.Import;
using Ciclo.Localization;
using Ciclo.Warehouse;

return Cli.Run(args, CliConsole.System());

namespace Ciclo.Cli
{
    /// <summary>The `ciclo` program: dispatches to one command and turns failures into clear,
    /// localized messages (exit 1 for a failure, 2 for a wrong command line).</summary>
    public static class Cli
    {
        public static IReadOnlyList<ICommand> Commands { get; } =
        [
            new InitCommand(), new ImportCommand(), new QuarantineCommand(), new MetricsCommand(),
            new CampaignsCommand(), new VerbatimsCommand(), new DemoCommand(), new InfluenceCommand(),
            new ProgrammesCommand(), new BenchmarksCommand(), new CheckCommand(), new ServeCommand(), new KeysCommand(),
            new ReportCommand(), new ThemesCommand(), new GenerateCommand(),
        ];

        public static int Run(string[] argv, CliConsole console)
        {
            var lang = "en";
            try
            {
                var args = new Arguments(argv);
                lang = Text.Normalize(args.Get("lang") ?? Environment.GetEnvironmentVariable("CICLO_LANG"));
                var command = args.Positional.Count == 0 ? null : Commands.FirstOrDefault(c => c.Name == args.Positional[0]);
                if (command is null || args.Has("help"))
                {
                    console.Out.Write(Text.Get(lang, "Usage"));
                    return command is null && !args.Has("help") ? 2 : 0;
                }

                var code = command.Run(args, console, lang);
                foreach (var unread in args.Unread)
                {
                    console.Error.WriteLine(Text.Format(lang, "OptionIgnored", "--" + unread));
                }

                return code;
            }
            catch (UsageException e)
            {
                console.Error.WriteLine(Text.Format(lang, e.MessageKey, e.Arguments));
                return 2;
            }
            catch (FileRefusedException e)
            {
                console.Error.WriteLine(Text.Format(lang, e.MessageKey, e.Arguments));
                return 1;
            }
            catch (WorkspaceException e)
            {
                console.Error.WriteLine(Text.Format(lang, e.MessageKey, e.Arguments));
                return 1;
            }
            catch (ArgumentException e)
            {
                console.Error.WriteLine(Text.Format(lang, "BadArgument", e.Message));
                return 2;
            }
            catch (System.Data.Common.DbException e)
            {
                // The warehouse refused a statement: say so plainly; the import left it as it was.
                console.Error.WriteLine(Text.Format(lang, "WarehouseError", e.Message.Split('\n')[0]));
                return 1;
            }
        }
    }
}
