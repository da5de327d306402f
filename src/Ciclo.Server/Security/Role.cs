namespace Ciclo.Server.Security;

/// <summary>Viewer reads; admin also imports and changes settings.</summary>
public enum Role { Viewer, Admin }

/// <summary>Endpoint metadata: the least role an endpoint needs (none: anyone, e.g. health).</summary>
public sealed record RequiresRole(Role? Role);
