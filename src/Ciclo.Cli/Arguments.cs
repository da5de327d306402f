using System.Globalization;
using Ciclo.Time;

namespace Ciclo.Cli;

/// <summary>The command line: positional words and <c>--name value</c> options.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = [];

    public Arguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    _options[a[2..eq]] = a[(eq + 1)..];
                }
                else if (a is "--help" or "--serve" or "--repair")
                {
                    _options[a[2..]] = "true";
                }
                else if (i + 1 < list.Count)
                {
                    _options[a[2..]] = list[++i];
                }
                else
                {
                    throw new UsageException("OptionNeedsValue", a);
                }
            }
            else
            {
                Positional.Add(a);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Get(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    public DateOnly? Date(string name)
    {
        var text = Get(name);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UsageException("BadDateOption", "--" + name, text);
    }

    public int? Int(string name)
    {
        var text = Get(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException("BadNumberOption", "--" + name, text);
    }

    /// <summary>--segment NAME, segment=X or region=X.</summary>
    public Planner.SegmentFilter? Segment()
    {
        if (Get("segment") is not { } text)
        {
            return null;
        }

        try
        {
            return Planner.SegmentFilter.Parse(text);
        }
        catch (ArgumentException)
        {
            throw new UsageException("BadSegment", text);
        }
    }

    public Grain Grain()
    {
        var text = Get("grain", "month");
        try
        {
            return GrainNames.Parse(text);
        }
        catch (ArgumentException)
        {
            throw new UsageException("BadGrain", text);
        }
    }

    /// <summary>Options given but never read by the command: a typo the user should hear about.</summary>
    public IEnumerable<string> Unread => _options.Keys.Where(k => !_read.Contains(k) && k != "help");
}
