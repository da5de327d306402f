namespace Ciclo.Warehouse;

/// <summary>A workspace's settings: reporting currency and time zone, and the windows of the
/// cohort metrics (lead conversion) and of campaign influence, in days.</summary>
public sealed record WorkspaceSettings(
    string Currency = "EUR",
    string TimeZone = "UTC",
    int ConversionWindowDays = 90,
    int AttributionWindowDays = 90);
