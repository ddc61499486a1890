using AdaHessian.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests.Data;

public sealed class DataViewReaderTests
{
    [Fact]
    public void Dense_rows_are_read_into_a_dense_matrix_with_labels_as_0_and_1()
    {
        var ml = new MLContext(seed: 1);
        var rows = Dense(20, 3, seed: 1);
        var data = Load(ml, rows, 3);

        var result = Read(data, new AdaHessianTrainer.Options());

        var dataset = result.Dataset!;
        Assert.False(dataset.Features.IsSparse);
        Assert.Equal(rows.SelectMany(r => r.Features), dataset.Features.ToDenseArray());
        Assert.Equal(rows.Select(r => r.Label ? 1f : 0f), dataset.Labels);
        Assert.Null(dataset.Weights);
        Assert.Equal((20L, 0L, 20), (result.RowCount, result.SkippedCount, result.KeptCount));
    }

    [Fact]
    public void Sparse_rows_stay_sparse()
    {
        var ml = new MLContext(seed: 1);
        var rows = Sparse(50, 30, density: 0.1, seed: 2);

        var dataset = Read(Load(ml, rows, 30), new AdaHessianTrainer.Options()).Dataset!;

        Assert.True(dataset.Features.IsSparse);
        Assert.Equal(rows.Sum(r => r.Features.GetValues().Length), dataset.Features.StoredValueCount);
        Assert.Equal(ToDense(rows).SelectMany(r => r.Features), dataset.Features.ToDenseArray());
    }

    [Fact]
    public void Dense_rows_followed_by_sparse_rows_become_one_sparse_matrix()
    {
        var ml = new MLContext(seed: 1);
        var rows = new[]
        {
            new SparseRow { Features = new VBuffer<float>(4, [1f, 0f, 2f, 0f]), Label = true },
            new SparseRow { Features = new VBuffer<float>(4, [0f, 3f, 0f, 0f]), Label = false },
            new SparseRow { Features = new VBuffer<float>(4, 1, [5f], [3]), Label = true },
            new SparseRow { Features = new VBuffer<float>(4, [6f, 0f, 0f, 7f]), Label = false },
        };

        var dataset = Read(Load(ml, rows, 4), new AdaHessianTrainer.Options()).Dataset!;

        Assert.True(dataset.Features.IsSparse);
        Assert.Equal(6, dataset.Features.StoredValueCount);
        Assert.Equal([1f, 0, 2, 0, 0, 3, 0, 0, 0, 0, 0, 5, 6, 0, 0, 7], dataset.Features.ToDenseArray());
        Assert.Equal([1f, 0, 1, 0], dataset.Labels);
    }

    [Fact]
    public void Weights_are_read_and_bad_rows_skipped_and_counted()
    {
        var ml = new MLContext(seed: 1);
        var rows = new[]
        {
            new DenseRow { Features = [1, 2], Label = true, Weight = 2f },
            new DenseRow { Features = [float.NaN, 2], Label = true, Weight = 1f },
            new DenseRow { Features = [1, float.NegativeInfinity], Label = true, Weight = 1f },
            new DenseRow { Features = [3, 4], Label = false, Weight = 0f },
            new DenseRow { Features = [1, 2], Label = true, Weight = -0.5f },
            new DenseRow { Features = [1, 2], Label = true, Weight = float.NaN },
            new DenseRow { Features = [5, 6], Label = true, Weight = 0.5f },
        };

        var result = Read(Load(ml, rows, 2), new AdaHessianTrainer.Options { ExampleWeightColumnName = "Weight" });

        Assert.Equal((7L, 4L, 3), (result.RowCount, result.SkippedCount, result.KeptCount));
        Assert.Equal([1f, 2, 3, 4, 5, 6], result.Dataset!.Features.ToDenseArray());
        Assert.Equal([2f, 0f, 0.5f], result.Dataset.Weights!);
        Assert.Equal(2.5, result.Dataset.TotalWeight);
    }

    [Fact]
    public void No_rows_or_zero_total_weight_gives_no_dataset()
    {
        var ml = new MLContext(seed: 1);
        var zeroWeight = new[] { new DenseRow { Features = [1, 2], Label = true, Weight = 0f } };

        var empty = Read(Load(ml, Array.Empty<DenseRow>(), 2), new AdaHessianTrainer.Options());
        var weightless = Read(Load(ml, zeroWeight, 2), new AdaHessianTrainer.Options { ExampleWeightColumnName = "Weight" });

        Assert.Null(empty.Dataset);
        Assert.Equal(0, empty.KeptCount);
        Assert.Null(weightless.Dataset);
        Assert.Equal(1, weightless.KeptCount);
    }

    [Fact]
    public void Data_of_unknown_row_count_is_read_in_full()
    {
        var ml = new MLContext(seed: 1);
        var rows = Dense(3000, 5, seed: 3);
        var data = ml.Data.FilterRowsByColumn(Load(ml, rows, 5), "Weight", lowerBound: 0, upperBound: 2);
        Assert.Null(data.GetRowCount());

        var dataset = Read(data, new AdaHessianTrainer.Options()).Dataset!;

        Assert.Equal(3000, dataset.RowCount);
        Assert.Equal(rows.SelectMany(r => r.Features), dataset.Features.ToDenseArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_kept_row_of_the_wrong_length_throws_and_a_skipped_one_does_not_matter(bool sparse)
    {
        var ml = new MLContext(seed: 1);
        VBuffer<float> Row(float v) => sparse ? new VBuffer<float>(3, 1, [v], [1]) : new VBuffer<float>(3, [v, 0f, 1f]);
        SparseRow[] skippedShort = [new() { Features = Row(1f) }, new() { Features = new VBuffer<float>(2, [float.NaN, 1f]) }];
        SparseRow[] keptShort = [new() { Features = Row(1f) }, new() { Features = new VBuffer<float>(2, [2f, 1f]) }];

        var kept = Read(Load(ml, skippedShort, 3), new AdaHessianTrainer.Options());
        var error = Assert.Throws<InvalidOperationException>(() => Read(Load(ml, keptShort, 3), new AdaHessianTrainer.Options()));

        Assert.Equal((2L, 1L, 1), (kept.RowCount, kept.SkippedCount, kept.KeptCount));
        Assert.Contains("column 'Features' (row index 1) has 2 elements; the column declares 3", error.Message);
    }

    private static DataViewReader.Result Read(IDataView data, LogisticNeuronTrainerOptions options) =>
        DataViewReader.Read(data, SchemaValidation.Check(data.Schema, options));
}
