using AdaHessian.Data;
using AdaHessian.Objective;

namespace AdaHessian.Study.Problems;

/// <summary>
/// The classic single sigmoid neuron: two points x = (0.5, 2.5) with targets y = (0.2, 0.9), squared error,
/// started at (w, b) = (−2, −2) and drawn over w, b ∈ [−6, 6].
/// </summary>
internal static class ToyNeuron
{
    public static readonly float[] Inputs = [0.5f, 2.5f];
    public static readonly float[] Targets = [0.2f, 0.9f];
    public const double StartW = -2;
    public const double StartB = -2;
    public const double WindowMin = -6;
    public const double WindowMax = 6;
    public const LossKind Loss = LossKind.SquaredError;

    /// <summary>The two examples as a dataset.</summary>
    public static LogisticDataset Dataset() => new(FeatureMatrix.Dense(2, 1, (float[])Inputs.Clone()), (float[])Targets.Clone());

    /// <summary>A fresh objective (no L2), single-threaded.</summary>
    public static LogisticObjective Objective() => new(Dataset(), Loss, 0, numberOfThreads: 1);

    /// <summary>The loss at (w, b), computed directly from its definition (used for surfaces and as a cross-check).</summary>
    public static double LossAt(double w, double b)
    {
        double sum = 0;
        for (int i = 0; i < Inputs.Length; i++)
        {
            double p = 1 / (1 + Math.Exp(-(w * Inputs[i] + b)));
            double r = p - Targets[i];
            sum += 0.5 * r * r;
        }

        return sum / Inputs.Length;
    }

    /// <summary>
    /// The global minimum: σ can hit both targets exactly, so w* = (logit 0.9 − logit 0.2) / 2, b* = logit 0.2 − 0.5 w*,
    /// and the loss there is 0.
    /// </summary>
    public static (double W, double B) Optimum()
    {
        static double Logit(double p) => Math.Log(p / (1 - p));
        double w = (Logit(Targets[1]) - Logit(Targets[0])) / (Inputs[1] - Inputs[0]);
        return (w, Logit(Targets[0]) - Inputs[0] * w);
    }
}
