using System.Text;

namespace AdaHessian.Suite.Report;

/// <summary>A GitHub-flavoured markdown table: a header row, then rows of cells; '|' and line breaks in cells are escaped.</summary>
/// <param name="headers">The column headers.</param>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Number of data rows.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a row with one cell per header.</summary>
    /// <exception cref="ArgumentException">The cell count differs from the header count.</exception>
    public MarkdownTable Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>The table as markdown, one line per row, each ending in \n.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Line(text, headers);
        Line(text, [.. headers.Select(_ => "---")]);
        foreach (var row in _rows)
        {
            Line(text, row);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string[] cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(Escape)).Append(" |\n");

    private static string Escape(string cell) => cell.Replace("|", "\\|").Replace("\r", "").Replace("\n", " ");
}
