using AdaHessian.MLNet.Data;
using AdaHessian.MLNet.Interop;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Tests.Data;

/// <summary>Missing and wrongly typed columns fail in Fit and in GetOutputSchema with the same message.</summary>
public sealed class SchemaValidationTests
{
    public static TheoryData<string, string, string?, string, string> Mismatches => new()
    {
        // label, features, weight, option named, message
        { "Nope", "Features", null, "LabelColumnName", "Could not find label column 'Nope': expected Boolean, got no column of that name." },
        { "FloatLabel", "Features", null, "LabelColumnName", "Schema mismatch for label column 'FloatLabel': expected Boolean, got Single." },
        { "Label", "Nope", null, "FeatureColumnName", "Could not find feature column 'Nope': expected a known-size vector of Single, got no column of that name." },
        { "Label", "VariableFeatures", null, "FeatureColumnName", "Schema mismatch for feature column 'VariableFeatures': expected a known-size vector of Single, got a vector of Single of unknown size" },
        { "Label", "Scalar", null, "FeatureColumnName", "Schema mismatch for feature column 'Scalar': expected a known-size vector of Single, got Single." },
        { "Label", "DoubleFeatures", null, "FeatureColumnName", "Schema mismatch for feature column 'DoubleFeatures': expected a known-size vector of Single, got " },
        { "Label", "Features", "DoubleWeight", "ExampleWeightColumnName", "Schema mismatch for example weight column 'DoubleWeight': expected Single, got Double." },
        { "Label", "Features", "Nope", "ExampleWeightColumnName", "Could not find example weight column 'Nope': expected Single, got no column of that name." },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Fit_throws_ArgumentOutOfRangeException_naming_the_column_and_both_types(string label, string features, string? weight, string option, string message)
    {
        var ml = new MLContext(seed: 1);
        var trainer = new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { LabelColumnName = label, FeatureColumnName = features, ExampleWeightColumnName = weight });

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(Data(ml)));

        Assert.Equal(option, ex.ParamName);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void GetOutputSchema_throws_the_same_exception(string label, string features, string? weight, string option, string message)
    {
        var ml = new MLContext(seed: 1);
        var trainer = new AdamTrainer(ml, new AdamTrainer.Options { LabelColumnName = label, FeatureColumnName = features, ExampleWeightColumnName = weight });

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.GetOutputSchema(MlNetBridge.CreateSchemaShape(Data(ml).Schema)));

        Assert.Equal(option, ex.ParamName);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_and_GetOutputSchema_describe_a_mismatch_alike()
    {
        var ml = new MLContext(seed: 1);
        var options = new AdaHessianTrainer.Options { FeatureColumnName = "DoubleFeatures" };
        var data = Data(ml);

        var fromSchema = Assert.Throws<ArgumentOutOfRangeException>(() => SchemaValidation.Check(data.Schema, options));
        var fromShape = Assert.Throws<ArgumentOutOfRangeException>(() => SchemaValidation.Check(MlNetBridge.CreateSchemaShape(data.Schema), options));

        Assert.Contains("got Vector<Double, 3>", fromSchema.Message, StringComparison.Ordinal);
        Assert.Contains("got Vector<Double> (known size)", fromShape.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_columns_pass_and_are_returned()
    {
        var ml = new MLContext(seed: 1);
        var data = Data(ml);
        var options = new AdaHessianTrainer.Options { ExampleWeightColumnName = "Weight" };

        var columns = SchemaValidation.Check(data.Schema, options);
        SchemaValidation.Check(MlNetBridge.CreateSchemaShape(data.Schema), options);

        Assert.Equal(("Features", "Label", "Weight"), (columns.Features.Name, columns.Label.Name, columns.Weight?.Name));
    }

    private static IDataView Data(MLContext ml) => ml.Data.LoadFromEnumerable(new[]
    {
        new OddRow { Label = true, Features = [1, 2, 3], VariableFeatures = [1, 2], DoubleFeatures = [1, 2, 3] },
    });

    private sealed class OddRow
    {
        public bool Label { get; set; }

        public float FloatLabel { get; set; }

        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public float[] VariableFeatures { get; set; } = [];

        public float Scalar { get; set; }

        [VectorType(3)]
        public double[] DoubleFeatures { get; set; } = [];

        public float Weight { get; set; }

        public double DoubleWeight { get; set; }
    }
}
