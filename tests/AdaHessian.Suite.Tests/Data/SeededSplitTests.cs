using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Tests.Data;

public class SeededSplitTests
{
    private static List<LabelledRow> Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new LabelledRow([i, -i], i % 2 == 0))];

    [Fact]
    public void Seventy_percent_of_the_rows_train_and_every_row_lands_once()
    {
        var split = SeededSplit.Split(Rows(10));

        Assert.Equal(7, split.Train.RowCount);
        Assert.Equal(3, split.Test.RowCount);
        var firsts = Enumerable.Range(0, 7).Select(i => split.Train.Features.Row(i).Values[0])
            .Concat(Enumerable.Range(0, 3).Select(i => split.Test.Features.Row(i).Values[0]));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (float)i), firsts.Order());
    }

    [Fact]
    public void Rows_keep_their_labels_and_the_split_is_the_same_every_time()
    {
        var one = SeededSplit.Split(Rows(20));
        var two = SeededSplit.Split(Rows(20));

        for (int i = 0; i < one.Train.RowCount; i++)
        {
            float first = one.Train.Features.Row(i).Values[0];
            Assert.Equal(first, two.Train.Features.Row(i).Values[0]);
            Assert.Equal((int)first % 2 == 0 ? 1f : 0f, one.Train.Labels[i]);
        }
    }

    [Fact]
    public void Two_rows_split_one_and_one() =>
        Assert.Equal(1, SeededSplit.Split(Rows(2)).Test.RowCount);

    [Fact]
    public void Rows_of_different_widths_are_an_error() =>
        Assert.Throws<InvalidDataException>(() => DenseRows.ToDataset([new([1f], true), new([1f, 2f], false)]));
}
