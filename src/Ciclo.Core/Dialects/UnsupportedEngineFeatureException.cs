namespace Ciclo.Dialects;

/// <summary>The engine cannot express a node of the SQL model; nothing is approximated.</summary>
public sealed class UnsupportedEngineFeatureException(string engine, string feature)
    : Exception($"{engine} does not support {feature}.");
