using AdaHessian.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using static AdaHessian.MLNet.Tests.Data.DataViewReaderReferenceTests;

namespace AdaHessian.MLNet.Tests.Data;

/// <summary>
/// Sparse features are read by a counting pass and a filling pass over separate cursors; a view that returns other
/// rows the second time must fail with a clear message rather than write past the counted arrays.
/// </summary>
public sealed class ChangingDataViewTests
{
    public static TheoryData<string> Changes => new(["extra non-zero", "extra row", "missing row", "denser row", "now dense"]);

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_view_that_changes_between_cursors_throws_a_clear_exception(string change)
    {
        var source = new ChangingRows(change);
        var data = new MLContext(seed: 1).Data.LoadFromEnumerable(source, Schema());

        var error = Assert.Throws<InvalidOperationException>(() =>
            DataViewReader.Read(data, SchemaValidation.Check(data.Schema, new AdaHessianTrainer.Options())));

        Assert.Contains("different rows on different cursors", error.Message);
        Assert.True(source.Enumerations >= 2);
    }

    [Fact]
    public void A_view_that_stays_the_same_reads_fine()
    {
        var source = new ChangingRows("none");
        var data = new MLContext(seed: 1).Data.LoadFromEnumerable(source, Schema());

        var result = DataViewReader.Read(data, SchemaValidation.Check(data.Schema, new AdaHessianTrainer.Options()));

        Assert.Equal(4, result.KeptCount);
        Assert.Equal(5, result.Dataset!.Features.StoredValueCount);
    }

    private static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(WeightedRow));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 4);
        return schema;
    }

    // Sparse rows that change from the enumeration that feeds the filling pass on (the third: the dense attempt
    // stops at the first sparse row, then the counting pass), or from the counting pass on for "now dense".
    private sealed class ChangingRows(string change) : IEnumerable<WeightedRow>
    {
        public int Enumerations { get; private set; }

        public IEnumerator<WeightedRow> GetEnumerator()
        {
            Enumerations++;
            bool changed = change == "now dense" ? Enumerations >= 2 : Enumerations >= 3;
            var rows = new List<VBuffer<float>>
            {
                new(4, 2, [1f, 2f], [0, 3]),
                new(4, 1, [3f], [1]),
                new(4, 2, [4f, 5f], [0, 2]),
                new(4, [0f, 0f, 0f, 0f]),
            };
            if (changed)
            {
                switch (change)
                {
                    case "extra non-zero": rows[3] = new(4, [0f, 0f, 6f, 0f]); break;
                    case "extra row": rows.Add(new(4, 1, [7f], [2])); break;
                    case "missing row": rows.RemoveAt(3); break;
                    case "denser row": rows[0] = new(4, 3, [1f, 8f, 2f], [0, 1, 3]); break;
                    case "now dense": rows = [.. rows.Select(r => new VBuffer<float>(4, r.DenseValues().ToArray()))]; break;
                }
            }

            return rows.Select(x => new WeightedRow { Features = x, Label = true }).GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
