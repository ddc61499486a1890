using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Tests.Data;

public class StratifiedFoldsTests
{
    // 103 rows, 37 positive (7i mod 103 < 37: 7 is invertible mod 103), spread unevenly through the list.
    private static readonly float[] Labels = [.. Enumerable.Range(0, 103).Select(i => i * 7 % 103 < 37 ? 1f : 0f)];

    [Fact]
    public void Every_row_is_in_exactly_one_fold_and_the_folds_differ_in_size_by_at_most_one()
    {
        int[] fold = StratifiedFolds.Assign(Labels, 5);

        Assert.Equal(Labels.Length, fold.Length);
        Assert.All(fold, f => Assert.InRange(f, 0, 4));
        var sizes = Enumerable.Range(0, 5).Select(k => fold.Count(f => f == k)).ToArray();
        Assert.Equal(Labels.Length, sizes.Sum());
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(", ", sizes));
        var heldOut = Enumerable.Range(0, 5).SelectMany(k => Enumerable.Range(0, fold.Length).Where(i => fold[i] == k)).ToList();
        Assert.Equal(Enumerable.Range(0, Labels.Length), heldOut.Order());
    }

    [Fact]
    public void Each_fold_holds_its_share_of_each_class()
    {
        Assert.Equal(37, Labels.Count(y => y == 1f));
        int[] fold = StratifiedFolds.Assign(Labels, 5);

        for (int k = 0; k < 5; k++)
        {
            int positives = Enumerable.Range(0, fold.Length).Count(i => fold[i] == k && Labels[i] == 1f);
            int negatives = Enumerable.Range(0, fold.Length).Count(i => fold[i] == k && Labels[i] == 0f);
            Assert.InRange(positives, 7, 8);     // 37/5 = 7.4
            Assert.InRange(negatives, 13, 14);   // 66/5 = 13.2
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds_and_another_seed_other_folds()
    {
        Assert.Equal(StratifiedFolds.Assign(Labels, 5, seed: 3), StratifiedFolds.Assign(Labels, 5, seed: 3));
        Assert.NotEqual(StratifiedFolds.Assign(Labels, 5, seed: 3), StratifiedFolds.Assign(Labels, 5, seed: 4));
    }

    [Fact]
    public void Fewer_rows_than_folds_is_an_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedFolds.Assign([1f, 0f, 1f, 0f], 5));
}
