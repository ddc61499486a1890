using System.Globalization;
using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Loaders;

/// <summary>
/// Reads numeric CSV rows whose last field is the 0-based index of the row's class (scikit-learn's bundled datasets):
/// every other field is a feature. Blank lines are skipped.
/// </summary>
internal static class MulticlassCsvReader
{
    /// <summary>The rows of the text, from the reader's current line on.</summary>
    /// <param name="reader">The CSV text, any header already read.</param>
    /// <param name="classes">The class names; the last field indexes them.</param>
    /// <exception cref="InvalidDataException">
    /// No rows, a row with another number of fields than the first, a field that is not a number, or a class field that
    /// is not an index of <paramref name="classes"/>.
    /// </exception>
    public static MulticlassRows Read(TextReader reader, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(classes);
        var features = new List<float[]>();
        var labels = new List<int>();
        int width = -1;
        int line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            string[] fields = text.Split(',');
            if (width >= 0 && fields.Length != width)
            {
                throw new InvalidDataException($"Line {line} has {fields.Length} fields, the first row had {width}.");
            }

            width = fields.Length;
            if (width < 2)
            {
                throw new InvalidDataException($"Line {line} has no feature before the class.");
            }

            var x = new float[width - 1];
            for (int j = 0; j < x.Length; j++)
            {
                x[j] = float.TryParse(fields[j].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float v)
                    ? v
                    : throw new InvalidDataException($"Line {line}, field {j + 1}: '{fields[j]}' is not a number.");
            }

            string label = fields[^1].Trim();
            features.Add(x);
            labels.Add(int.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out int y) && y >= 0 && y < classes.Count
                ? y
                : throw new InvalidDataException($"Line {line}: the class '{label}' is not an index of the {classes.Count} classes."));
        }

        return features.Count == 0 ? throw new InvalidDataException("No rows.") : new MulticlassRows([.. features], [.. labels], classes);
    }
}
