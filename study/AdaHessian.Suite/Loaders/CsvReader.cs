using System.Globalization;
using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Loaders;

/// <summary>Reads a numeric CSV file: header lines skipped, one column is the label, every other column a feature.</summary>
internal static class CsvReader
{
    /// <summary>The rows of the text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="headerLines">Lines to skip first.</param>
    /// <param name="labelColumn">0-based index of the label column; negative counts from the end (−1 = last).</param>
    /// <param name="isPositive">Maps the label's number to the class.</param>
    /// <exception cref="InvalidDataException">A row has a different number of fields.</exception>
    public static List<LabelledRow> Read(TextReader reader, int headerLines, int labelColumn, Func<double, bool> isPositive)
    {
        var rows = new List<LabelledRow>();
        for (int k = 0; k < headerLines; k++)
        {
            reader.ReadLine();
        }

        int width = -1;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (width >= 0 && fields.Length != width)
            {
                throw new InvalidDataException($"A row has {fields.Length} fields, the first had {width}.");
            }

            width = fields.Length;
            int label = labelColumn >= 0 ? labelColumn : fields.Length + labelColumn;
            var x = new float[fields.Length - 1];
            for (int j = 0, k = 0; j < fields.Length; j++)
            {
                if (j != label)
                {
                    x[k++] = float.Parse(fields[j].Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture);
                }
            }

            rows.Add(new LabelledRow(x, isPositive(double.Parse(fields[label].Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
