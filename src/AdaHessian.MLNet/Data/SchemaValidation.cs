using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// Checks that the training columns exist with the types the trainers read: features a known-size vector of
/// Single, label Boolean (the binary trainers) or a key of UInt32 (the multiclass trainers), optional weight Single. Works on a <see cref="DataViewSchema"/> (Fit) and on a
/// <see cref="SchemaShape"/> (GetOutputSchema) with the same messages.
/// </summary>
internal static class SchemaValidation
{
    private const string FeatureType = "a known-size vector of Single";
    private const string LabelType = "Boolean";
    private const string KeyLabelType = "a key of UInt32 (convert the label with mlContext.Transforms.Conversion.MapValueToKey)";
    private const string WeightType = "Single";

    /// <summary>The three columns of <paramref name="schema"/>, checked.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has another type; the message names it.</exception>
    public static TrainingColumns Check(DataViewSchema schema, LogisticNeuronTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var features = Find(schema, options.FeatureColumnName, "feature", nameof(options.FeatureColumnName), FeatureType,
            t => t is VectorDataViewType { Size: > 0, ItemType: NumberDataViewType n } && n == NumberDataViewType.Single);
        var label = options.IsMulticlass
            ? Find(schema, options.LabelColumnName, "label", nameof(options.LabelColumnName), KeyLabelType,
                t => t is KeyDataViewType { Count: > 0 and <= int.MaxValue } key && key.RawType == typeof(uint))
            : Find(schema, options.LabelColumnName, "label", nameof(options.LabelColumnName), LabelType,
                t => t == BooleanDataViewType.Instance);
        DataViewSchema.Column? weight = options.ExampleWeightColumnName is { } name
            ? Find(schema, name, "example weight", nameof(options.ExampleWeightColumnName), WeightType, t => t == NumberDataViewType.Single)
            : null;
        return new TrainingColumns(features, label, weight);
    }

    /// <summary>Checks the same rules on a schema shape.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has another type; the message names it.</exception>
    public static void Check(SchemaShape shape, LogisticNeuronTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Find(shape, options.FeatureColumnName, "feature", nameof(options.FeatureColumnName), FeatureType,
            c => c is { Kind: SchemaShape.Column.VectorKind.Vector, IsKey: false } && c.ItemType == NumberDataViewType.Single);
        if (options.IsMulticlass)
        {
            Find(shape, options.LabelColumnName, "label", nameof(options.LabelColumnName), KeyLabelType,
                c => c is { Kind: SchemaShape.Column.VectorKind.Scalar, IsKey: true } && c.ItemType == NumberDataViewType.UInt32);
        }
        else
        {
            Find(shape, options.LabelColumnName, "label", nameof(options.LabelColumnName), LabelType,
                c => c is { Kind: SchemaShape.Column.VectorKind.Scalar, IsKey: false } && c.ItemType == BooleanDataViewType.Instance);
        }
        if (options.ExampleWeightColumnName is { } name)
        {
            Find(shape, name, "example weight", nameof(options.ExampleWeightColumnName), WeightType,
                c => c is { Kind: SchemaShape.Column.VectorKind.Scalar, IsKey: false } && c.ItemType == NumberDataViewType.Single);
        }
    }

    private static DataViewSchema.Column Find(DataViewSchema schema, string name, string role, string option, string expected,
        Func<DataViewType, bool> accepts)
    {
        var column = schema.GetColumnOrNull(name) ?? throw Mismatch(role, name, option, expected, null);
        return accepts(column.Type) ? column : throw Mismatch(role, name, option, expected, Describe(column.Type));
    }

    private static void Find(SchemaShape shape, string name, string role, string option, string expected,
        Func<SchemaShape.Column, bool> accepts)
    {
        var found = shape.Where(c => c.Name == name).Select(c => (SchemaShape.Column?)c).LastOrDefault();
        if (found is not { } column)
        {
            throw Mismatch(role, name, option, expected, null);
        }

        if (!accepts(column))
        {
            throw Mismatch(role, name, option, expected, Describe(column));
        }
    }

    private static ArgumentOutOfRangeException Mismatch(string role, string name, string option, string expected, string? actual) =>
        new(option, actual is null
            ? $"Could not find {role} column '{name}': expected {expected}, got no column of that name."
            : $"Schema mismatch for {role} column '{name}': expected {expected}, got {actual}.");

    private static string Describe(DataViewType type) => type is VectorDataViewType { Size: 0 } vector
        ? $"a vector of {vector.ItemType} of unknown size (Vector<{vector.ItemType}>)"
        : type.ToString() ?? type.GetType().Name;

    private static string Describe(SchemaShape.Column column)
    {
        string item = column.IsKey ? $"Key<{column.ItemType}>" : column.ItemType.ToString() ?? "?";
        return column.Kind switch
        {
            SchemaShape.Column.VectorKind.Scalar => item,
            SchemaShape.Column.VectorKind.Vector => $"Vector<{item}> (known size)",
            _ => $"a vector of {item} of unknown size (Vector<{item}>)",
        };
    }
}
