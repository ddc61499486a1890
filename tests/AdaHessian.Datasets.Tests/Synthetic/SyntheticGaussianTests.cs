namespace AdaHessian.Datasets.Tests.Synthetic;

public class SyntheticGaussianTests
{
    [Fact]
    public void SameSeedGivesIdenticalDataAndAnotherSeedDoesNot()
    {
        LabelledMatrix a = SyntheticGaussian.Dense(50, 7, seed: 21), b = SyntheticGaussian.Dense(50, 7, seed: 21), c = SyntheticGaussian.Dense(50, 7, seed: 22);
        Assert.Equal(a.Values, b.Values);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Values, c.Values);

        LabelledMatrix s = SyntheticGaussian.Sparse(40, 100, 5, seed: 31), t = SyntheticGaussian.Sparse(40, 100, 5, seed: 31), u = SyntheticGaussian.Sparse(40, 100, 5, seed: 32);
        Assert.Equal(s.RowStarts, t.RowStarts);
        Assert.Equal(s.Indices, t.Indices);
        Assert.Equal(s.Values, t.Values);
        Assert.Equal(s.Labels, t.Labels);
        Assert.NotEqual(s.Indices, u.Indices);
    }

    [Fact]
    public void DenseHasTheRequestedShapeColumnScalesOverTwoDecadesAndBinaryLabels()
    {
        const int rows = 4000, columns = 5;
        LabelledMatrix d = SyntheticGaussian.Dense(rows, columns, seed: 3);

        Assert.False(d.IsSparse);
        Assert.Equal(rows, d.Rows);
        Assert.Equal(columns, d.Columns);
        Assert.Equal(rows * columns, d.Values.Length);
        Assert.Equal(rows, d.Labels.Length);
        Assert.All(d.Labels, y => Assert.True(y is 0f or 1f));
        Assert.Equal((long)rows * columns * 4, d.FeatureBytes);

        // Column j is Gaussian with standard deviation 10^(-2j/(d-1)): 1, 0.316, 0.1, 0.0316, 0.01.
        for (int j = 0; j < columns; j++)
        {
            double expected = Math.Pow(10, -2.0 * j / (columns - 1));
            double sum = 0, squares = 0;
            for (int i = 0; i < rows; i++)
            {
                double x = d.Values[i * columns + j];
                sum += x;
                squares += x * x;
            }

            double mean = sum / rows, sd = Math.Sqrt(squares / rows - mean * mean);
            Assert.InRange(sd / expected, 0.95, 1.05);
            Assert.InRange(Math.Abs(mean) / expected, 0, 0.06);
        }

        // Both classes occur, neither dominating.
        double positive = d.Labels.Average(y => (double)y);
        Assert.InRange(positive, 0.3, 0.8);
    }

    [Fact]
    public void SparseIsValidCsrWithFixedDistinctSortedColumnsPerRow()
    {
        const int rows = 500, columns = 200, perRow = 7;
        LabelledMatrix s = SyntheticGaussian.Sparse(rows, columns, perRow, seed: 5);

        Assert.True(s.IsSparse);
        Assert.Equal(rows, s.Rows);
        Assert.Equal(columns, s.Columns);
        int[] starts = s.RowStarts!, indices = s.Indices!;
        Assert.Equal(rows + 1, starts.Length);
        Assert.Equal(0, starts[0]);
        Assert.Equal(rows * perRow, starts[^1]);
        Assert.Equal(rows * perRow, indices.Length);
        Assert.Equal(rows * perRow, s.Values.Length);
        Assert.Equal((double)perRow / columns, (double)indices.Length / ((long)rows * columns), 12);
        for (int i = 0; i < rows; i++)
        {
            Assert.Equal(perRow, starts[i + 1] - starts[i]);
            for (int k = starts[i]; k < starts[i + 1]; k++)
            {
                Assert.InRange(indices[k], 0, columns - 1);
                if (k > starts[i])
                {
                    Assert.True(indices[k] > indices[k - 1], $"row {i}: columns not strictly increasing");
                }
            }
        }

        Assert.All(s.Labels, y => Assert.True(y is 0f or 1f));
        Assert.Contains(0f, s.Labels);
        Assert.Contains(1f, s.Labels);
        Assert.Equal((long)(2 * rows * perRow + rows + 1) * 4, s.FeatureBytes);

        // Values are standard Gaussian and columns are spread over the whole range.
        double mean = s.Values.Average(v => (double)v), variance = s.Values.Average(v => (double)v * v) - mean * mean;
        Assert.InRange(mean, -0.1, 0.1);
        Assert.InRange(variance, 0.9, 1.1);
        Assert.True(indices.Distinct().Count() > columns * 0.95);
    }
}
