using AdaHessian.Datasets;

namespace AdaHessian.Suite.Multiclass;

/// <summary>Dense feature rows with integer labels, for scoring softmax models outside ML.NET.</summary>
/// <param name="Rows">One array per row, all of the same length.</param>
/// <param name="Labels">The label value of each row.</param>
internal sealed record LabelledRows(float[][] Rows, int[] Labels)
{
    /// <summary>The first <paramref name="rows"/> images, pixels / 255, as the multiclass run feeds them to ML.NET.</summary>
    public static LabelledRows From(FashionMnist images, int rows)
    {
        int n = Math.Min(rows, images.Rows);
        return new LabelledRows([.. Enumerable.Range(0, n).Select(images.Scaled)], [.. images.Labels.Take(n).Select(l => (int)l)]);
    }

    /// <summary>Row count.</summary>
    public int Count => Labels.Length;
}
