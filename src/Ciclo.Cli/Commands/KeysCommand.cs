using Ciclo.Localization;
using Ciclo.Server.Security;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo keys add NAME --role viewer|admin --keys FILE` prints a new key once and stores
/// only its hash; `ciclo keys list --keys FILE`; `ciclo keys remove NAME --keys FILE`.</summary>
public sealed class KeysCommand : ICommand
{
    public string Name => "keys";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        var file = args.Get("keys") ?? throw new UsageException("UsageKeys");
        var store = KeyStore.Load(file).Keys.ToList();
        var verb = args.Positional.Count > 1 ? args.Positional[1] : "list";
        switch (verb)
        {
            case "add" when args.Positional.Count == 3:
                var role = args.Get("role", "viewer") switch
                {
                    "viewer" => Role.Viewer,
                    "admin" => Role.Admin,
                    var other => throw new UsageException("BadRole", other),
                };
                var (key, stored) = ApiKey.Create(args.Positional[2], role);
                store.RemoveAll(k => k.Name == stored.Name);
                store.Add(stored);
                KeyStore.Save(file, store);
                console.Out.WriteLine(Text.Format(lang, "KeyCreated", stored.Name, role.ToString().ToLowerInvariant()));
                console.Out.WriteLine(key);
                return 0;
            case "remove" when args.Positional.Count == 3:
                store.RemoveAll(k => k.Name == args.Positional[2]);
                KeyStore.Save(file, store);
                return 0;
            case "list":
                foreach (var k in store)
                {
                    console.Out.WriteLine(k.Name + "\t" + k.Role.ToString().ToLowerInvariant());
                }

                return 0;
            default:
                throw new UsageException("UsageKeys");
        }
    }
}
