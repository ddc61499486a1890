using System.Globalization;
using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Loaders;

/// <summary>
/// Reads an ARFF file of numeric and nominal attributes whose last attribute is the nominal class. A numeric attribute
/// becomes one feature; a nominal one becomes one 0/1 feature per declared value, and a missing '?' sets none of them.
/// The classes are the declared values in declared order, so a class no row holds stays defined. A row with a missing
/// numeric value or a missing class is dropped.
/// </summary>
internal static class MulticlassArffReader
{
    /// <summary>The rows of the ARFF text.</summary>
    /// <exception cref="InvalidDataException">
    /// The header is malformed (no @data, a class that is not nominal), or a row has another number of fields than the
    /// attributes, a value that is not declared, or a number that does not parse.
    /// </exception>
    public static MulticlassRows Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var attributes = new List<string[]?>();
        var features = new List<float[]>();
        var labels = new List<int>();
        int[]? offsets = null;
        int width = 0;
        int line = 0;
        while (reader.ReadLine() is { } raw)
        {
            line++;
            string text = raw.Trim();
            if (text.Length == 0 || text.StartsWith('%'))
            {
                continue;
            }

            if (offsets is null)
            {
                if (text.StartsWith("@attribute", StringComparison.OrdinalIgnoreCase))
                {
                    attributes.Add(NominalValues(text));
                }
                else if (text.StartsWith("@data", StringComparison.OrdinalIgnoreCase))
                {
                    offsets = Layout(attributes, out width);
                }

                continue;
            }

            if (ParseRow(ArffFields.Split(text), attributes, offsets, width, line) is { } row)
            {
                features.Add(row.Features);
                labels.Add(row.Label);
            }
        }

        if (offsets is null)
        {
            throw new InvalidDataException("No @data section.");
        }

        return new MulticlassRows([.. features], [.. labels], attributes[^1]!);
    }

    // The declared values of a nominal attribute ("{a, 'b c'}"), or null for a numeric one.
    private static string[]? NominalValues(string line)
    {
        int open = line.IndexOf('{');
        int close = line.LastIndexOf('}');
        return open < 0 || close < open ? null : [.. ArffFields.Split(line[(open + 1)..close])];
    }

    private static int[] Layout(List<string[]?> attributes, out int width)
    {
        if (attributes.Count < 2 || attributes[^1] is not { Length: >= 2 })
        {
            throw new InvalidDataException("The last attribute must be the nominal class with at least two declared values.");
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

    private static (float[] Features, int Label)? ParseRow(List<string> fields, List<string[]?> attributes, int[] offsets, int width, int line)
    {
        if (fields.Count != attributes.Count)
        {
            throw new InvalidDataException($"Line {line} has {fields.Count} fields; the header declares {attributes.Count} attributes.");
        }

        if (fields[^1] == "?")
        {
            return null;
        }

        int label = Declared(attributes[^1]!, fields[^1], line);
        var x = new float[width];
        for (int a = 0; a < offsets.Length; a++)
        {
            string field = fields[a];
            if (attributes[a] is { } values)
            {
                if (field != "?")
                {
                    x[offsets[a] + Declared(values, field, line)] = 1f;
                }
            }
            else if (field == "?")
            {
                return null;
            }
            else
            {
                x[offsets[a]] = float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out float v)
                    ? v
                    : throw new InvalidDataException($"Line {line}, attribute {a + 1}: '{field}' is not a number.");
            }
        }

        return (x, label);
    }

    private static int Declared(string[] values, string field, int line)
    {
        int index = Array.IndexOf(values, field);
        return index >= 0 ? index : throw new InvalidDataException($"Line {line}: '{field}' is not a declared value ({string.Join(", ", values)}).");
    }
}
