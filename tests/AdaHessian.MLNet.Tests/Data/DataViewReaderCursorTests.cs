using AdaHessian.MLNet.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using static AdaHessian.MLNet.Tests.Data.DataViewReaderReferenceTests;

namespace AdaHessian.MLNet.Tests.Data;

/// <summary>
/// Every layout is read through one cursor: an uncached loader parses its file once, and a view that returns other
/// rows on another cursor cannot make the reader disagree with itself.
/// </summary>
public sealed class DataViewReaderCursorTests
{
    public static TheoryData<string> Layouts => new(["dense", "sparse", "dense then sparse", "sparse then dense"]);

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_layout_is_read_through_one_cursor(string layout)
    {
        var source = new CountedRows(layout);
        var data = new MLContext(seed: 1).Data.LoadFromEnumerable(source, Schema());

        var result = DataViewReader.Read(data, SchemaValidation.Check(data.Schema, new AdaHessianTrainer.Options()));

        Assert.Equal(1, source.Enumerations);
        Assert.Equal(4, result.KeptCount);
        Assert.Equal(layout != "dense", result.Dataset!.Features.IsSparse);
        Assert.Equal([1f, 0, 0, 2, 0, 3, 0, 0, 4, 0, 5, 0, 0, 0, 0, 0], result.Dataset.Features.ToDenseArray());
    }

    [Fact]
    public void A_view_that_returns_other_rows_on_each_cursor_is_read_as_its_one_cursor_returns_it()
    {
        var source = new CountedRows("sparse", growing: true);
        var data = new MLContext(seed: 1).Data.LoadFromEnumerable(source, Schema());
        var columns = SchemaValidation.Check(data.Schema, new AdaHessianTrainer.Options());

        var first = DataViewReader.Read(data, columns);
        var second = DataViewReader.Read(data, columns);

        Assert.Equal((4, 5), (first.KeptCount, second.KeptCount));
        Assert.Equal(2, source.Enumerations);
    }

    private static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(WeightedRow));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 4);
        return schema;
    }

    // Four rows, dense or sparse by layout; with growing, one row more on every enumeration after the first.
    private sealed class CountedRows(string layout, bool growing = false) : IEnumerable<WeightedRow>
    {
        public int Enumerations { get; private set; }

        public IEnumerator<WeightedRow> GetEnumerator()
        {
            Enumerations++;
            float[][] dense = [[1f, 0f, 0f, 2f], [0f, 3f, 0f, 0f], [4f, 0f, 5f, 0f], [0f, 0f, 0f, 0f]];
            var rows = new List<VBuffer<float>>();
            for (int i = 0; i < dense.Length; i++)
            {
                bool sparse = layout switch
                {
                    "dense" => false,
                    "sparse" => true,
                    "dense then sparse" => i >= 2,
                    _ => i < 2,
                };
                rows.Add(sparse ? Sparse(dense[i]) : new VBuffer<float>(4, dense[i]));
            }

            for (int extra = 1; growing && extra < Enumerations; extra++)
            {
                rows.Add(new VBuffer<float>(4, 1, [7f], [2]));
            }

            return rows.Select(x => new WeightedRow { Features = x, Label = true }).GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private static VBuffer<float> Sparse(float[] dense)
        {
            int[] indices = [.. Enumerable.Range(0, dense.Length).Where(j => dense[j] != 0)];
            return new VBuffer<float>(dense.Length, indices.Length, [.. indices.Select(j => dense[j])], indices);
        }
    }
}
