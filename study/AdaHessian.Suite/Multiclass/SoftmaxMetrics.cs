namespace AdaHessian.Suite.Multiclass;

/// <summary>
/// The measures of a softmax model, in nats, computed here in double from the model's numbers (independent of
/// the trainers): the mean log-loss −log p_y and the training objective F = (Σᵢ −log p_{yᵢ} + (λ/2)‖W‖²)/n with the
/// biases unpenalised (ML.NET's meaning of L2Regularization, per row).
/// </summary>
internal static class SoftmaxMetrics
{
    /// <summary>Mean −log p_y over <paramref name="data"/> (unclamped; ML.NET's evaluator clamps p at 1e-15).</summary>
    /// <exception cref="ArgumentException">A row's length differs from the model's, or a label is not one of its classes.</exception>
    public static double LogLoss(LabelledRows data, SoftmaxModel model) => SumLogLoss(data, model) / data.Count;

    /// <summary>F on <paramref name="data"/> at strength <paramref name="lambda"/>, per row.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is negative or not finite.</exception>
    public static double Objective(LabelledRows data, SoftmaxModel model, double lambda)
    {
        if (!(lambda >= 0 && double.IsFinite(lambda)))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "Must be finite and ≥ 0.");
        }

        double squares = 0;
        foreach (double w in model.Weights)
        {
            squares += w * w;
        }

        return (SumLogLoss(data, model) + 0.5 * lambda * squares) / data.Count;
    }

    private static double SumLogLoss(LabelledRows data, SoftmaxModel model)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        if (data.Count == 0)
        {
            throw new ArgumentException("No rows to score.", nameof(data));
        }

        int[] classOfLabel = ClassOfLabel(model.LabelOfClass);
        var logits = new double[model.Classes];
        double sum = 0;
        for (int i = 0; i < data.Count; i++)
        {
            float[] x = data.Rows[i];
            if (x.Length != model.Features)
            {
                throw new ArgumentException($"Row {i} has {x.Length} features, the model {model.Features}.", nameof(data));
            }

            int y = data.Labels[i];
            if (y < 0 || y >= classOfLabel.Length || classOfLabel[y] < 0)
            {
                throw new ArgumentException($"Row {i} has label {y}, which is none of the model's classes.", nameof(data));
            }

            double max = double.NegativeInfinity;
            for (int k = 0; k < logits.Length; k++)
            {
                double a = model.Biases[k];
                int offset = k * model.Features;
                for (int j = 0; j < x.Length; j++)
                {
                    a += model.Weights[offset + j] * x[j];
                }

                logits[k] = a;
                max = Math.Max(max, a);
            }

            double total = 0;
            foreach (double a in logits)
            {
                total += Math.Exp(a - max);
            }

            sum += max + Math.Log(total) - logits[classOfLabel[y]];
        }

        return sum;
    }

    private static int[] ClassOfLabel(int[] labelOfClass)
    {
        var map = Enumerable.Repeat(-1, labelOfClass.Max() + 1).ToArray();
        for (int k = 0; k < labelOfClass.Length; k++)
        {
            map[labelOfClass[k]] = k;
        }

        return map;
    }
}
