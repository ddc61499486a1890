using System.Globalization;
using System.Text;

namespace AdaHessian.Study.Output;

/// <summary>A CSV file built in memory and written atomically; numbers get 6 significant digits.</summary>
internal sealed class CsvTable(params string[] columns)
{
    private readonly StringBuilder _text = new StringBuilder().Append(string.Join(',', columns)).Append('\n');

    /// <summary>Number of data rows added.</summary>
    public int RowCount { get; private set; }

    /// <summary>Adds a row; doubles are rounded, strings are quoted when they contain a comma or quote.</summary>
    public CsvTable Add(params object[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"Expected {columns.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _text.AppendJoin(',', cells.Select(Cell)).Append('\n');
        RowCount++;
        return this;
    }

    /// <summary>Writes the table to <paramref name="path"/>.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, _text.ToString());

    private static string Cell(object cell) => cell switch
    {
        double d => Numbers.Format(d),
        float f => Numbers.Format(f),
        string s when s.Contains(',') || s.Contains('"') => '"' + s.Replace("\"", "\"\"") + '"',
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
