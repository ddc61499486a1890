using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Tests.Data;

public class StratifiedSplitTests
{
    // Classes of 10, 5, 2 and 1 rows; feature 0 is the row's number, so a row can be traced through the split.
    private static readonly int[] Sizes = [10, 5, 2, 1];

    private static MulticlassRows Rows()
    {
        int[] labels = [.. Sizes.SelectMany((n, c) => Enumerable.Repeat(c, n))];
        return new MulticlassRows([.. labels.Select((_, i) => new float[] { i, -i })], labels, ["a", "b", "c", "d", "e"]);
    }

    private static int[] Ids(MulticlassRows rows) => [.. rows.Features.Select(x => (int)x[0])];

    [Fact]
    public void Each_class_puts_the_floor_of_70_percent_in_training_and_at_least_one_row_on_each_side()
    {
        var split = StratifiedSplit.Split(Rows());

        // 10 → 7 + 3, 5 → 3 + 2, 2 → 1 + 1, 1 → 1 + 0, and the empty class e → 0 + 0.
        Assert.Equal([7, 3, 1, 1, 0], split.Train.ClassCounts());
        Assert.Equal([3, 2, 1, 0, 0], split.Test.ClassCounts());
        Assert.Equal(["a", "b", "c", "d", "e"], split.Test.Classes);
    }

    [Fact]
    public void Every_row_lands_once_with_its_label()
    {
        var all = Rows();
        var split = StratifiedSplit.Split(all);

        Assert.Equal(Enumerable.Range(0, all.Count), Ids(split.Train).Concat(Ids(split.Test)).Order());
        Assert.All(Enumerable.Range(0, split.Train.Count), i => Assert.Equal(all.Labels[Ids(split.Train)[i]], split.Train.Labels[i]));
        Assert.All(Enumerable.Range(0, split.Test.Count), i => Assert.Equal(all.Labels[Ids(split.Test)[i]], split.Test.Labels[i]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var one = StratifiedSplit.Split(Rows(), seed: 3);
        var again = StratifiedSplit.Split(Rows(), seed: 3);
        var other = StratifiedSplit.Split(Rows(), seed: 4);

        Assert.Equal(Ids(one.Train), Ids(again.Train));
        Assert.Equal(Ids(one.Test), Ids(again.Test));
        Assert.NotEqual(Ids(one.Test).Order(), Ids(other.Test).Order());
    }

    [Fact]
    public void Both_parts_are_shuffled_so_a_class_does_not_sit_in_one_block()
    {
        var split = StratifiedSplit.Split(Rows());

        Assert.NotEqual(split.Train.Labels.Order(), split.Train.Labels);
    }

    [Fact]
    public void The_train_rows_of_a_class_follow_the_rule_for_every_size()
    {
        Assert.Equal([0, 1, 1, 2, 2, 3, 4, 4, 5, 7, 35], new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 50 }.Select(StratifiedSplit.TrainRows));
    }

    [Fact]
    public void Data_with_no_class_of_two_rows_cannot_be_split() =>
        Assert.Throws<InvalidDataException>(() => StratifiedSplit.Split(new MulticlassRows([[1f], [2f]], [0, 1], ["a", "b"])));
}
