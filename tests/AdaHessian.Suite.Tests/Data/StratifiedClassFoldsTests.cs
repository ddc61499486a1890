using AdaHessian.Suite.Data;

namespace AdaHessian.Suite.Tests.Data;

public class StratifiedClassFoldsTests
{
    // 61 rows of three classes (27, 21, 13 rows), interleaved unevenly: 5i mod 61 runs through 0 … 60 once, bucketed.
    private static readonly int[] Labels = [.. Enumerable.Range(0, 61).Select(Class)];

    private static int Class(int row)
    {
        int r = row * 5 % 61;
        return r < 27 ? 0 : r < 48 ? 1 : 2;
    }

    [Fact]
    public void Every_row_is_in_one_fold_and_the_folds_differ_in_size_by_at_most_one()
    {
        int[] fold = StratifiedClassFolds.Assign(Labels, 3, 5);

        Assert.All(fold, f => Assert.InRange(f, 0, 4));
        int[] sizes = [.. Enumerable.Range(0, 5).Select(k => fold.Count(f => f == k))];
        Assert.Equal(61, sizes.Sum());
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(", ", sizes));
    }

    [Fact]
    public void Each_fold_holds_its_share_of_each_class()
    {
        Assert.Equal([27, 21, 13], Enumerable.Range(0, 3).Select(c => Labels.Count(y => y == c)));
        int[] fold = StratifiedClassFolds.Assign(Labels, 3, 5);

        for (int c = 0; c < 3; c++)
        {
            int[] counts = [.. Enumerable.Range(0, 5).Select(k => Enumerable.Range(0, 61).Count(i => fold[i] == k && Labels[i] == c))];
            Assert.True(counts.Max() - counts.Min() <= 1, $"class {c}: {string.Join(", ", counts)}");
        }
    }

    [Fact]
    public void The_seed_decides_the_folds()
    {
        Assert.Equal(StratifiedClassFolds.Assign(Labels, 3, 5, seed: 2), StratifiedClassFolds.Assign(Labels, 3, 5, seed: 2));
        Assert.NotEqual(StratifiedClassFolds.Assign(Labels, 3, 5, seed: 2), StratifiedClassFolds.Assign(Labels, 3, 5, seed: 3));
    }

    [Fact]
    public void Fewer_rows_than_folds_or_a_label_out_of_range_is_an_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedClassFolds.Assign([0, 1, 0], 2, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedClassFolds.Assign([0, 1, 2, 0, 1], 2, 5));
    }
}
