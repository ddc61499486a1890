namespace AdaHessian.Data;

/// <summary>
/// Training on centred features x̃ = x − μ (μ the weighted column means) with the parameters (w, c) fits the same model
/// as (w, b) on x, with b = c − μ·w: the logits, the loss and the L2 term on w are unchanged. What changes is the
/// curvature: centred columns no longer share the bias's direction, so a diagonal preconditioner sees a far better
/// conditioned problem (uncentred data couples every weight with the bias). Dense data only; centring sparse data
/// would fill it. A model of several blocks (a softmax layer: one block of weights and a bias per class) moves every
/// block's bias the same way: c_k = b_k + μ·w_k.
/// </summary>
internal static class FeatureCentering
{
    /// <summary>μⱼ = Σᵢ ωᵢ xᵢⱼ / Σᵢ ωᵢ over a dense dataset, summed in row order (in double).</summary>
    public static double[] ColumnMeans(LogisticDataset data) => ColumnMeans(data.Features, data.Weights, data.TotalWeight);

    /// <summary>μⱼ = Σᵢ ωᵢ xᵢⱼ / Ω over dense features with example weights ω (null: all 1) summing to Ω.</summary>
    public static double[] ColumnMeans(FeatureMatrix x, float[]? weights, double totalWeight)
    {
        if (x.IsSparse)
        {
            throw new ArgumentOutOfRangeException(nameof(x), "Only dense features are centred.");
        }

        int d = x.ColumnCount;
        var means = new double[d];
        ReadOnlySpan<float> values = x.StoredValues;
        for (int i = 0; i < x.RowCount; i++)
        {
            double weight = weights is null ? 1 : weights[i];
            ReadOnlySpan<float> row = values.Slice(i * d, d);
            for (int j = 0; j < d; j++)
            {
                means[j] += weight * row[j];
            }
        }

        for (int j = 0; j < d; j++)
        {
            means[j] /= totalWeight;
        }

        return means;
    }

    /// <summary>xᵢⱼ ← xᵢⱼ − μⱼ in place (rounded once to Single), on a dense dataset the caller owns.</summary>
    public static void Subtract(LogisticDataset data, ReadOnlySpan<double> means) => Subtract(data.Features, means);

    /// <summary>xᵢⱼ ← xᵢⱼ − μⱼ in place (rounded once to Single), on dense features the caller owns.</summary>
    public static void Subtract(FeatureMatrix x, ReadOnlySpan<double> means)
    {
        int d = x.ColumnCount;
        if (x.IsSparse || means.Length != d)
        {
            throw new ArgumentOutOfRangeException(nameof(means), $"Must hold {d} means of a dense dataset.");
        }

        Span<float> values = x.StoredValues;
        for (int i = 0; i < x.RowCount; i++)
        {
            Span<float> row = values.Slice(i * d, d);
            for (int j = 0; j < d; j++)
            {
                row[j] = (float)(row[j] - means[j]);
            }
        }
    }

    /// <summary>(w, b) on x → (w, c) on x − μ: c = b + μ·w, in every block (weights then bias) of the parameters.</summary>
    public static double[] ToCentered(ReadOnlySpan<double> parameters, ReadOnlySpan<double> means) =>
        MoveBias(parameters, means, +1);

    /// <summary>(w, c) on x − μ → (w, b) on x: b = c − μ·w, in every block (weights then bias) of the parameters.</summary>
    public static double[] FromCentered(ReadOnlySpan<double> parameters, ReadOnlySpan<double> means) =>
        MoveBias(parameters, means, -1);

    private static double[] MoveBias(ReadOnlySpan<double> parameters, ReadOnlySpan<double> means, int sign)
    {
        int d = means.Length;
        if (parameters.Length == 0 || parameters.Length % (d + 1) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), $"Must hold blocks of {d} weights and a bias.");
        }

        double[] moved = parameters.ToArray();
        for (int start = 0; start < moved.Length; start += d + 1)
        {
            double shift = 0;
            for (int j = 0; j < d; j++)
            {
                shift += means[j] * parameters[start + j];
            }

            moved[start + d] += sign * shift;
        }

        return moved;
    }
}
