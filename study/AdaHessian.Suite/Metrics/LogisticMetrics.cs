using AdaHessian.Data;

namespace AdaHessian.Suite.Metrics;

/// <summary>
/// The suite's measures, all in nats: the training objective F = (Σᵢ ℓᵢ + (λ/2)‖w‖²)/n with the bias unpenalised
/// (ML.NET's L2 meaning, per row), the mean test log-loss of the calibrated probability, and the AUC.
/// </summary>
internal static class LogisticMetrics
{
    /// <summary>F(w, b) on <paramref name="data"/>: mean log-loss of σ(w·x + b) plus (λ/2)‖w‖²/n.</summary>
    public static double Objective(LogisticDataset data, LinearModel model, double lambda)
    {
        double sum = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            sum += LogLoss(Score(data.Features.Row(i), model), data.Labels[i]);
        }

        double squares = 0;
        foreach (float w in model.Weights)
        {
            squares += (double)w * w;
        }

        return (sum + 0.5 * lambda * squares) / data.RowCount;
    }

    /// <summary>Mean log-loss of the model's calibrated probability on <paramref name="data"/>.</summary>
    public static double TestLogLoss(LogisticDataset data, LinearModel model)
    {
        double sum = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            double logit = -(model.Slope * Score(data.Features.Row(i), model) + model.Offset);
            sum += LogLoss(logit, data.Labels[i]);
        }

        return sum / data.RowCount;
    }

    /// <summary>
    /// Area under the ROC curve of the scores: the chance that a random positive scores above a random negative, ties
    /// counting ½. NaN when one class is absent.
    /// </summary>
    public static double Auc(LogisticDataset data, LinearModel model)
    {
        var scores = new double[data.RowCount];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = Score(data.Features.Row(i), model);
        }

        return Auc(scores, data.Labels);
    }

    /// <summary>The AUC of <paramref name="scores"/> against 0/1 <paramref name="labels"/> (mid-ranks for ties).</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<float> labels)
    {
        int[] order = [.. Enumerable.Range(0, scores.Count).OrderBy(i => scores[i])];
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                end++;
            }

            double midRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++)
            {
                if (labels[order[k]] == 1f)
                {
                    positiveRankSum += midRank;
                    positives++;
                }
            }

            start = end;
        }

        long negatives = order.Length - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>ℓ(a) = softplus(a) − y·a = −log σ(±a), computed without overflow.</summary>
    public static double LogLoss(double logit, double label)
    {
        double softplus = logit > 0 ? logit + Math.Log(1 + Math.Exp(-logit)) : Math.Log(1 + Math.Exp(logit));
        return softplus - label * logit;
    }

    private static double Score(FeatureRow row, LinearModel model)
    {
        double a = model.Bias;
        var values = row.Values;
        if (row.Indices.IsEmpty)
        {
            for (int j = 0; j < values.Length; j++)
            {
                a += (double)model.Weights[j] * values[j];
            }
        }
        else
        {
            for (int k = 0; k < values.Length; k++)
            {
                a += (double)model.Weights[row.Indices[k]] * values[k];
            }
        }

        return a;
    }
}
