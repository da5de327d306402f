namespace Ciclo.Tests.Browser;

/// <summary>Browser tests run one class at a time: one Chromium and one server are plenty for two cores.</summary>
[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserCollection;
