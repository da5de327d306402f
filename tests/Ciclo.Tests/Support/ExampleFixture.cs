namespace Ciclo.Tests.Support;

/// <summary>The worked example in one DuckDB workspace, shared by the tests of a class that only read it.</summary>
public sealed class ExampleFixture : IDisposable
{
    public TestWorkspace Ws { get; } = Fixtures.ExampleWorkspace();

    public void Dispose() => Ws.Dispose();
}
