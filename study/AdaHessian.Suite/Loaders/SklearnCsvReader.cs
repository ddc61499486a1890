using System.Globalization;
using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Loaders;

/// <summary>
/// Reads scikit-learn's bundled CSV format (iris.csv, wine_data.csv): a header line "rows,features,class names…",
/// then one line per row of the features and the class index last. The header's counts are checked against the rows.
/// </summary>
internal static class SklearnCsvReader
{
    /// <summary>The rows of the text, with the header's class names.</summary>
    /// <exception cref="InvalidDataException">The header is malformed, or the rows do not match its counts (or <see cref="MulticlassCsvReader"/> rejects them).</exception>
    public static MulticlassRows Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string[] header = (reader.ReadLine() ?? throw new InvalidDataException("No header line.")).Split(',');
        if (header.Length < 4 || !Count(header[0], out int rows) || !Count(header[1], out int features))
        {
            throw new InvalidDataException($"The header '{string.Join(',', header)}' is not 'rows,features,class,class…'.");
        }

        string[] classes = [.. header[2..].Select(c => c.Trim())];
        MulticlassRows data = MulticlassCsvReader.Read(reader, classes);
        if (data.Count != rows || data.FeatureCount != features)
        {
            throw new InvalidDataException($"The header declares {rows} rows × {features} features; the file has {data.Count} × {data.FeatureCount}.");
        }

        return data;
    }

    private static bool Count(string field, out int value) =>
        int.TryParse(field.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
