namespace Ciclo.Warehouse;

/// <summary>IANA time zone names, checked against the system's zone database.</summary>
public static class TimeZones
{
    public static void Validate(string timeZone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new WorkspaceException("BadTimeZone", timeZone);
        }
    }
}
