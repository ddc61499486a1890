using AdaHessian.Suite.Multiclass;

namespace AdaHessian.Suite.Tests.Multiclass;

public class ClassConfusionTests
{
    // Keys 0, 1, 2 hold labels 2, 0, 1 (MapValueToKey numbers labels by first appearance).
    private static readonly int[] LabelOfKey = [2, 0, 1];

    private static readonly double[][] KeyOrder = [[5, 1, 0], [0, 3, 2], [1, 0, 4]];

    [Fact]
    public void Counts_are_reordered_from_key_order_to_label_order()
    {
        var c = new ClassConfusion(KeyOrder, LabelOfKey);
        // label 0 (key 1): 3 right, 2 taken for label 1 (key 2); label 1 (key 2): 1 taken for label 2 (key 0), 4 right;
        // label 2 (key 0): 5 right, 1 taken for label 0 (key 1).
        double[,] expected = { { 3, 2, 0 }, { 0, 4, 1 }, { 1, 0, 5 } };
        Assert.Equal(expected, c.Counts);
    }

    [Fact]
    public void Fractions_worst_confusion_and_recall_extremes_are_by_actual_class()
    {
        var c = new ClassConfusion(KeyOrder, LabelOfKey);
        Assert.Equal(0.6, c.Fraction(0, 0), 15);
        Assert.Equal(1.0 / 6, c.Fraction(2, 0), 15);
        Assert.Equal((0, 1, 0.4), c.WorstConfusion());
        Assert.Equal((2, 0), c.RecallExtremes());
    }

    [Fact]
    public void A_class_without_test_rows_has_no_fraction()
    {
        var c = new ClassConfusion([[2, 0], [0, 0]], [0, 1]);
        Assert.True(double.IsNaN(c.Fraction(1, 1)));
        Assert.Equal(1, c.Fraction(0, 0));
    }

    [Fact]
    public void A_matrix_of_the_wrong_shape_or_labels_that_are_not_a_permutation_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ClassConfusion(KeyOrder, [0, 1]));
        Assert.Throws<ArgumentException>(() => new ClassConfusion(KeyOrder, [0, 0, 1]));
        Assert.Throws<ArgumentException>(() => new ClassConfusion(KeyOrder, [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => new ClassConfusion([[1, 2, 3], [1, 2], [1, 2, 3]], LabelOfKey));
    }
}
