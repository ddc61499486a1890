using AdaHessian.Data;
using MathNet.Numerics.LinearAlgebra;

namespace AdaHessian.Datasets.Tests.Synthetic;

public class SyntheticLogisticTests
{
    private const int Rows = 20000;
    private const int Features = 5;
    private const double Kappa = 100;

    /// <summary>XᵀX/n, the (uncentred) second-moment matrix of the features; E[x] = 0 by construction.</summary>
    private static Matrix<double> SecondMoment(LogisticDataset data)
    {
        float[] x = data.Features.ToDenseArray();
        int n = data.RowCount, d = data.FeatureCount;
        var m = Matrix<double>.Build.Dense(d, d);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                for (int k = 0; k < d; k++)
                {
                    m[j, k] += (double)x[i * d + j] * x[i * d + k];
                }
            }
        }

        return m / n;
    }

    private static double EigenvalueRatio(Matrix<double> symmetric)
    {
        double[] e = symmetric.Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).ToArray();
        return e.Max() / e.Min();
    }

    private static double MaxOffDiagonalCorrelation(Matrix<double> m)
    {
        double max = 0;
        for (int j = 0; j < m.RowCount; j++)
        {
            for (int k = 0; k < j; k++)
            {
                max = Math.Max(max, Math.Abs(m[j, k]) / Math.Sqrt(m[j, j] * m[k, k]));
            }
        }

        return max;
    }

    [Fact]
    public void The_same_seed_gives_identical_data()
    {
        LogisticDataset a = SyntheticLogistic.Generate(500, 4, 30, rotated: true, seed: 3);
        LogisticDataset b = SyntheticLogistic.Generate(500, 4, 30, rotated: true, seed: 3);

        Assert.Equal(a.Features.ToDenseArray(), b.Features.ToDenseArray());
        Assert.Equal(a.Labels, b.Labels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Different_seeds_give_different_data(bool rotated)
    {
        LogisticDataset a = SyntheticLogistic.Generate(500, 4, 30, rotated, seed: 3);
        LogisticDataset b = SyntheticLogistic.Generate(500, 4, 30, rotated, seed: 4);

        Assert.NotEqual(a.Features.ToDenseArray(), b.Features.ToDenseArray());
        Assert.NotEqual(a.Labels, b.Labels);
    }

    [Fact]
    public void Shape_and_labels_are_as_asked()
    {
        LogisticDataset data = SyntheticLogistic.Generate(300, 7, 10, rotated: false, seed: 1);

        Assert.Equal(300, data.RowCount);
        Assert.Equal(7, data.FeatureCount);
        Assert.False(data.Features.IsSparse);
        Assert.Null(data.Weights);
        Assert.All(data.Labels, y => Assert.True(y is 0f or 1f));
        Assert.Contains(0f, data.Labels);
        Assert.Contains(1f, data.Labels);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    public void The_feature_covariance_has_the_requested_condition_number(bool rotated, int seed)
    {
        // Each eigenvalue of the sample second moment is within a few √(2/n) ≈ 1 % of its population value, so
        // the ratio is within a few per cent of κ; ±15 % is far outside sampling noise.
        Matrix<double> m = SecondMoment(SyntheticLogistic.Generate(Rows, Features, Kappa, rotated, seed));

        double ratio = EigenvalueRatio(m);

        Assert.InRange(ratio, 0.85 * Kappa, 1.15 * Kappa);
    }

    [Fact]
    public void Axis_aligned_covariance_is_diagonal_with_log_spaced_variances()
    {
        Matrix<double> m = SecondMoment(SyntheticLogistic.Generate(Rows, Features, Kappa, rotated: false, seed: 1));

        // Population: diag(s²) with s_j = κ^(−j/(2(d−1))), i.e. variances 1, 10^(−1/2), 10^(−1), 10^(−3/2), 10^(−2).
        for (int j = 0; j < Features; j++)
        {
            double expected = Math.Pow(10, -0.5 * j);
            Assert.InRange(m[j, j] / expected, 0.95, 1.05);
        }

        // Sample correlations of independent coordinates have s.d. 1/√n ≈ 0.007.
        Assert.True(MaxOffDiagonalCorrelation(m) < 0.04, $"max |r| = {MaxOffDiagonalCorrelation(m):G3}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rotated_covariance_is_not_diagonal(int seed)
    {
        Matrix<double> m = SecondMoment(SyntheticLogistic.Generate(Rows, Features, Kappa, rotated: true, seed));

        Assert.True(MaxOffDiagonalCorrelation(m) > 0.2, $"max |r| = {MaxOffDiagonalCorrelation(m):G3}");
    }

    [Fact]
    public void Axis_aligned_and_rotated_variants_of_a_seed_share_labels_and_latent_rows()
    {
        LogisticDataset axis = SyntheticLogistic.Generate(2000, Features, Kappa, rotated: false, seed: 7);
        LogisticDataset rotated = SyntheticLogistic.Generate(2000, Features, Kappa, rotated: true, seed: 7);

        Assert.Equal(axis.Labels, rotated.Labels);

        // x_rotated = Q·x_axis with Q orthogonal, so every row keeps its length (up to float rounding) …
        float[] a = axis.Features.ToDenseArray();
        float[] r = rotated.Features.ToDenseArray();
        Assert.NotEqual(a, r);
        for (int i = 0; i < 2000; i++)
        {
            double na = 0, nr = 0;
            for (int j = 0; j < Features; j++)
            {
                na += (double)a[i * Features + j] * a[i * Features + j];
                nr += (double)r[i * Features + j] * r[i * Features + j];
            }

            Assert.Equal(Math.Sqrt(na), Math.Sqrt(nr), 1e-5 * Math.Max(1, Math.Sqrt(na)));
        }

        // … and both second-moment matrices have the same eigenvalues.
        double[] ea = SecondMoment(axis).Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).Order().ToArray();
        double[] er = SecondMoment(rotated).Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).Order().ToArray();
        for (int j = 0; j < Features; j++)
        {
            Assert.Equal(ea[j], er[j], 1e-5 * ea[j]);
        }
    }

    [Fact]
    public void A_single_feature_has_unit_variance()
    {
        Matrix<double> m = SecondMoment(SyntheticLogistic.Generate(Rows, 1, Kappa, rotated: false, seed: 2));

        Assert.InRange(m[0, 0], 0.95, 1.05);
    }
}
