using System.Globalization;
using Ciclo.Catalog;
using Ciclo.Planner;
using Ciclo.Time;

namespace Ciclo.Server;

/// <summary>Typed reading of query parameters. Every value is parsed and checked here, so that
/// nothing a client sends reaches SQL as text: it becomes a date, a number, a known id or a
/// literal the dialect escapes.</summary>
public sealed class QueryParameters(HttpRequest request)
{
    public string? Text(string name)
    {
        var value = request.Query[name].ToString();
        if (value.Length > (name == "metric" ? 4000 : 200))
        {
            throw new BadParameterException(name, $"'{name}' is too long.");
        }

        return value.Length == 0 ? null : value;
    }

    public DateOnly? Date(string name) => Text(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new BadParameterException(name, $"'{name}' must be a date written YYYY-MM-DD.");

    public int Int(string name, int fallback, int min, int max)
    {
        if (Text(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new BadParameterException(name, $"'{name}' must be a whole number from {min} to {max}.");
    }

    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = Text(name) ?? fallback;
        return allowed.Contains(value) ? value : throw new BadParameterException(name, $"'{name}' must be one of: {string.Join(", ", allowed)}.");
    }

    public string? OptionalChoice(string name, params string[] allowed) =>
        Text(name) is { } value ? Choice(name, value, allowed) : null;

    public string Language() => Choice("lang", "en", Localization.Text.Languages);

    /// <summary>A BCP-47 language code of the comments (as the surveys' language column holds them).</summary>
    public string? LanguageCode(string name) =>
        Text(name) is not { } text ? null
        : System.Text.RegularExpressions.Regex.IsMatch(text, "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$") ? text
        : throw new BadParameterException(name, $"'{name}' must be a language code such as en, it or pt-BR.");

    /// <summary>A segment, programme or comment-language filter must name a value the workspace holds:
    /// an unknown one is a mistake (or a probe) and is answered 400, never run.</summary>
    public static void CheckKnown(Warehouse.Workspace workspace, SegmentFilter? segment, string? program, string? language = null)
    {
        if (language is not null && !Apis.SegmentsApi.Distinct(workspace, "surveys", "language").Contains(language))
        {
            throw new BadParameterException("language", $"No comment is in language '{language}'.");
        }

        if (segment is not null && !Apis.SegmentsApi.Distinct(workspace, "customers", segment.Dimension).Contains(segment.Value))
        {
            throw new BadParameterException("segment", $"No customer has {segment.Dimension} '{segment.Value}'.");
        }

        if (program is not null && !Apis.SegmentsApi.Distinct(workspace, "program_members", "program").Contains(program))
        {
            throw new BadParameterException("program", $"Unknown programme '{program}'.");
        }
    }

    public string? TimeZone()
    {
        var tz = Text("time_zone");
        if (tz is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
        {
            throw new BadParameterException("time_zone", $"'{tz}' is not a known IANA time zone.");
        }

        return tz;
    }

    public SegmentFilter? Segment()
    {
        if (Text("segment") is not { } text)
        {
            return null;
        }

        try
        {
            return SegmentFilter.Parse(text);
        }
        catch (ArgumentException)
        {
            throw new BadParameterException("segment", "'segment' must be NAME, segment=NAME or region=NAME.");
        }
    }

    /// <summary>The metric request of /api/metrics, with the same defaults as `ciclo metrics`.</summary>
    public MetricRequest MetricRequest(Warehouse.Workspace workspace, IReadOnlyList<string>? metrics = null)
    {
        var timeZone = TimeZone() ?? workspace.Settings.TimeZone;
        var grain = GrainNames.Parse(Choice("grain", "month", "week", "month", "quarter", "year"));
        var (from, to) = MetricEngine.DefaultRange(workspace, Date("from"), Date("to"), timeZone);
        if (to < from)
        {
            throw new BadParameterException("from", "'from' must not be after 'to'.");
        }

        if (PeriodSpine.Build(from, to, grain).Count > 400)
        {
            throw new BadParameterException("grain", "The range holds more than 400 periods; choose a coarser grain.");
        }

        var ids = metrics ?? Text("metric")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        foreach (var id in ids)
        {
            if (Metrics.Find(id) is null)
            {
                throw new BadParameterException("metric", $"Unknown metric '{id}'.");
            }
        }

        var stages = new List<Stage>();
        foreach (var name in Text("stage")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            stages.Add(Enum.TryParse<Stage>(name, true, out var stage) && !int.TryParse(name, out _)
                ? stage
                : throw new BadParameterException("stage", $"Unknown stage '{name}'."));
        }

        var segment = Segment();
        var program = Text("program");
        CheckKnown(workspace, segment, program);
        return new MetricRequest(from, to, grain, timeZone)
        {
            Metrics = ids,
            Stages = stages,
            Segment = segment,
            Program = program,
        };
    }
}
