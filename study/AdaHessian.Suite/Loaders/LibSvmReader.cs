using System.Globalization;
using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Loaders;

/// <summary>Reads LIBSVM/svmlight text (<c>label j:v j:v …</c>, 1-based columns) into dense rows; label = (label &gt; 0).</summary>
internal static class LibSvmReader
{
    /// <summary>The rows of the text, each as wide as the largest column index seen.</summary>
    /// <exception cref="InvalidDataException">A pair is not <c>j:v</c> with j ≥ 1.</exception>
    public static List<LabelledRow> Read(TextReader reader)
    {
        var parsed = new List<(List<(int Column, float Value)> Pairs, bool Label)>();
        int width = 0;
        while (reader.ReadLine() is { } line)
        {
            string[] tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            var pairs = new List<(int, float)>(tokens.Length - 1);
            foreach (string token in tokens.Skip(1))
            {
                int colon = token.IndexOf(':');
                if (colon < 1 || !int.TryParse(token.AsSpan(0, colon), CultureInfo.InvariantCulture, out int column) || column < 1)
                {
                    throw new InvalidDataException($"'{token}' is not a j:v pair with j ≥ 1.");
                }

                pairs.Add((column - 1, float.Parse(token.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture)));
                width = Math.Max(width, column);
            }

            parsed.Add((pairs, double.Parse(tokens[0], NumberStyles.Float, CultureInfo.InvariantCulture) > 0));
        }

        return parsed.Select(p =>
        {
            var x = new float[width];
            foreach (var (column, value) in p.Pairs)
            {
                x[column] = value;
            }

            return new LabelledRow(x, p.Label);
        }).ToList();
    }
}
