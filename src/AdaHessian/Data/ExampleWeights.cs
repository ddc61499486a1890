namespace AdaHessian.Data;

/// <summary>The rule every dataset applies to its optional example weights.</summary>
internal static class ExampleWeights
{
    /// <summary>Ω, the total weight of <paramref name="rowCount"/> rows (the row count when unweighted).</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// (Named weights.) A length does not match, a weight is negative or not finite, or the total is not positive.
    /// </exception>
    public static double Total(float[]? weights, int rowCount)
    {
        double total = rowCount;
        if (weights is not null)
        {
            if (weights.Length != rowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(weights),
                    $"Expected one weight per row ({rowCount}), got {weights.Length}.");
            }

            total = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                if (!(weights[i] >= 0f && float.IsFinite(weights[i])))
                {
                    throw new ArgumentOutOfRangeException(nameof(weights), $"Weight of row {i} is {weights[i]}; must be finite and ≥ 0.");
                }

                total += weights[i];
            }
        }

        if (!(total > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(weights), "The total example weight must be positive.");
        }

        return total;
    }
}
