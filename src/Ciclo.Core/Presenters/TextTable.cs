using System.Globalization;
using System.Text;

namespace Ciclo.Presenters;

/// <summary>A plain-text table for terminals. Right-to-left languages get their columns in
/// reading order from the right and every line opened with a right-to-left mark.</summary>
public sealed class TextTable(bool rightToLeft)
{
    private readonly List<string[]> _rows = [];
    private string[]? _header;

    /// <summary>Columns (besides the first) that hold text and align to the reading start.</summary>
    public ISet<int> TextColumns { get; } = new HashSet<int>();

    public void Header(params string[] cells) => _header = cells;

    public void Row(params string[] cells) => _rows.Add(cells);

    public string Render()
    {
        var all = (_header is null ? _rows : _rows.Prepend(_header)).ToList();
        var columns = all.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => all.Max(r => c < r.Length ? Width(r[c]) : 0)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in all)
        {
            var cells = Enumerable.Range(0, columns).Select(c =>
            {
                var text = c < row.Length ? row[c] : string.Empty;
                var pad = new string(' ', widths[c] - Width(text));
                // The first column (labels) aligns to the reading start; numbers align to the end.
                return c == 0 || TextColumns.Contains(c) ? (rightToLeft ? pad + text : text + pad) : pad + text;
            }).ToList();
            if (rightToLeft)
            {
                cells.Reverse();
                sb.Append('\u200F');
            }

            sb.AppendJoin("  ", cells).Append('\n');
            if (ReferenceEquals(row, _header))
            {
                if (rightToLeft)
                {
                    sb.Append('\u200F');
                }

                sb.Append(new string('─', widths.Sum() + (2 * (columns - 1)))).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Display width: combining marks take no column.</summary>
    private static int Width(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.Format or UnicodeCategory.EnclosingMark))
            {
                width++;
            }
        }

        return width;
    }
}
