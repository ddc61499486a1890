using System.Globalization;
using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Loaders;

/// <summary>
/// Reads an ARFF file of numeric and nominal attributes with the nominal class last. Numeric attributes become one
/// feature each; a nominal attribute becomes one 0/1 feature per declared value (a missing '?' sets none of them).
/// A row with a missing numeric value is dropped.
/// </summary>
internal static class ArffReader
{
    /// <summary>The rows of the ARFF text; label = (class value == <paramref name="positiveClass"/>).</summary>
    /// <exception cref="InvalidDataException">The header or a row is malformed, or the positive class is not declared.</exception>
    public static List<LabelledRow> Read(TextReader reader, string positiveClass)
    {
        var attributes = new List<string[]?>();
        var rows = new List<LabelledRow>();
        int[]? offsets = null;
        int width = 0;
        while (reader.ReadLine() is { } raw)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('%'))
            {
                continue;
            }

            if (offsets is null)
            {
                if (line.StartsWith("@attribute", StringComparison.OrdinalIgnoreCase))
                {
                    attributes.Add(NominalValues(line));
                }
                else if (line.StartsWith("@data", StringComparison.OrdinalIgnoreCase))
                {
                    offsets = Layout(attributes, positiveClass, out width);
                }

                continue;
            }

            if (ParseRow(ArffFields.Split(line), attributes, offsets, width, positiveClass) is { } row)
            {
                rows.Add(row);
            }
        }

        return offsets is null ? throw new InvalidDataException("No @data section.") : rows;
    }

    private static string[]? NominalValues(string line)
    {
        int open = line.IndexOf('{');
        int close = line.LastIndexOf('}');
        return open < 0 || close < open ? null : [.. ArffFields.Split(line[(open + 1)..close])];
    }

    private static int[] Layout(List<string[]?> attributes, string positiveClass, out int width)
    {
        if (attributes.Count < 2 || attributes[^1] is not { } classes || !classes.Contains(positiveClass))
        {
            throw new InvalidDataException($"The last attribute must be nominal and declare '{positiveClass}'.");
        }

        var offsets = new int[attributes.Count - 1];
        width = 0;
        for (int a = 0; a < offsets.Length; a++)
        {
            offsets[a] = width;
            width += attributes[a]?.Length ?? 1;
        }

        return offsets;
    }

    private static LabelledRow? ParseRow(List<string> fields, List<string[]?> attributes, int[] offsets, int width, string positiveClass)
    {
        if (fields.Count != attributes.Count)
        {
            throw new InvalidDataException($"A row has {fields.Count} fields; the header declares {attributes.Count} attributes.");
        }

        var x = new float[width];
        for (int a = 0; a < offsets.Length; a++)
        {
            if (attributes[a] is { } values)
            {
                int v = Array.IndexOf(values, fields[a]);
                if (v >= 0)
                {
                    x[offsets[a] + v] = 1f;
                }
            }
            else if (fields[a] == "?")
            {
                return null;
            }
            else
            {
                x[offsets[a]] = float.Parse(fields[a], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return new LabelledRow(x, fields[^1] == positiveClass);
    }
}
