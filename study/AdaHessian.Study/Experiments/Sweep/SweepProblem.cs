using System.Globalization;
using AdaHessian.Study.Problems;
using MathNet.Numerics.Random;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>
/// A problem family of the sweep: the toy neuron from a random start, or synthetic logistic regression with
/// condition number κ, axis-aligned or rotated. <see cref="Create"/> draws the instance a seed stands for.
/// </summary>
internal sealed record SweepProblem(string Key, string Label, bool IsToy, double ConditionNumber, bool Rotated, int Epochs)
{
    private const int StartSalt = 0x3C6EF372;

    /// <summary>ML.NET's L2Regularization on the synthetic problems.</summary>
    public const double L2 = 1;

    /// <summary>The toy neuron, then for each κ the axis-aligned and the rotated problem.</summary>
    public static IReadOnlyList<SweepProblem> All(StudyProfile profile) =>
    [
        new("toy-neuron", "toy neuron", true, double.NaN, false, profile.ToyEpochs),
        .. profile.ConditionNumbers.SelectMany(kappa => new[] { false, true }.Select(rotated => new SweepProblem(
            $"logistic-kappa{KappaText(kappa)}-{(rotated ? "rotated" : "axis")}",
            $"κ={KappaText(kappa)} {(rotated ? "rotated" : "axis-aligned")}",
            false, kappa, rotated, profile.SyntheticEpochs))),
    ];

    /// <summary>κ as 1, 10, 1e2, 1e4, … (powers of ten from 100 up in exponent form).</summary>
    public static string KappaText(double kappa)
    {
        double exponent = Math.Log10(kappa);
        return kappa >= 100 && exponent == Math.Round(exponent)
            ? $"1e{exponent.ToString(CultureInfo.InvariantCulture)}"
            : kappa.ToString("G6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The instance for <paramref name="seed"/>: toy neuron started uniformly in [−6, 6]² (F* = 0 exactly), or a
    /// synthetic data draw started at θ = 0 with F* from Newton's method.
    /// </summary>
    public SweepInstance Create(StudyProfile profile, int seed)
    {
        if (IsToy)
        {
            var random = new Xoshiro256StarStar(seed ^ StartSalt, threadSafe: false);
            double w = ToyNeuron.WindowMin + (ToyNeuron.WindowMax - ToyNeuron.WindowMin) * random.NextDouble();
            double b = ToyNeuron.WindowMin + (ToyNeuron.WindowMax - ToyNeuron.WindowMin) * random.NextDouble();
            return new SweepInstance(ToyNeuron.Dataset(), ToyNeuron.Loss, 0, [w, b], 0, double.NaN, double.NaN);
        }

        return SweepInstance.Synthetic(profile.SyntheticRows, profile.SyntheticFeatures, ConditionNumber, Rotated, seed);
    }
}
