using Ciclo.Server;

var app = CicloServer.Create(ServerOptions.FromArgs(args));
app.Run();

/// <summary>The entry point of the standalone server (ciclo serve hosts the same app).</summary>
public partial class Program;
