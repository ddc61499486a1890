using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Loaders;

/// <summary>
/// Reads an ARFF file as <see cref="MulticlassArffReader"/> does (numeric attributes one feature each, nominal ones
/// one 0/1 feature per declared value, the nominal class last) and labels each row by whether its class is the
/// positive one.
/// </summary>
internal static class ArffReader
{
    /// <summary>The rows of the ARFF text; label = (class value == <paramref name="positiveClass"/>).</summary>
    /// <exception cref="InvalidDataException">The header or a row is malformed, or the positive class is not declared.</exception>
    public static List<LabelledRow> Read(TextReader reader, string positiveClass)
    {
        MulticlassRows rows = MulticlassArffReader.Read(reader);
        int positive = rows.Classes.ToList().IndexOf(positiveClass);
        if (positive < 0)
        {
            throw new InvalidDataException(
                $"The class attribute declares {string.Join(", ", rows.Classes)}, not the positive class '{positiveClass}'.");
        }

        return [.. rows.Features.Select((x, i) => new LabelledRow(x, rows.Labels[i] == positive))];
    }
}
