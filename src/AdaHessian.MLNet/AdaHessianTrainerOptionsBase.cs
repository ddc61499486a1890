using AdaHessian.Curvature;
using AdaHessian.Objective;
using AdaHessian.Optimizers;

namespace AdaHessian.MLNet;

/// <summary>
/// The options of the AdaHessian trainers — <see cref="AdaHessianTrainer"/> (binary) and
/// <see cref="AdaHessianMaximumEntropyTrainer"/> (multiclass): the shared options of
/// <see cref="LogisticNeuronTrainerOptions"/> plus the curvature's. Defaults in <see cref="AdaHessianTrainer.Defaults"/>.
/// </summary>
public abstract class AdaHessianTrainerOptionsBase : LogisticNeuronTrainerOptions
{
    private protected AdaHessianTrainerOptionsBase()
        : base(AdaHessianTrainer.Defaults.Epsilon)
    {
    }

    /// <summary>k in [0, 1]: the step divides by (√v̂)ᵏ + ε; 0 gives momentum SGD. Default 1.</summary>
    public float HessianPower = AdaHessianTrainer.Defaults.HessianPower;

    /// <summary>
    /// How the Hessian diagonal D is obtained. Default <see cref="CurvatureKind.ExactDiagonal"/>; Hutchinson's
    /// estimate is the paper's.
    /// </summary>
    public CurvatureKind Curvature = AdaHessianTrainer.Defaults.Curvature;

    /// <summary>Rademacher probes averaged per Hutchinson estimate, ≥ 1. Default 1.</summary>
    public int HutchinsonSamples = AdaHessianTrainer.Defaults.HutchinsonSamples;

    /// <summary>D is averaged over consecutive blocks of this many weights, ≥ 1; 1 = none. Default 1.</summary>
    public int SpatialAverageBlockSize = AdaHessianTrainer.Defaults.SpatialAverageBlockSize;

    /// <summary>Recompute D every this many steps and reuse it in between, ≥ 1. Default 1.</summary>
    public int HessianUpdateInterval = AdaHessianTrainer.Defaults.HessianUpdateInterval;

    /// <inheritdoc />
    private protected override Optimizer CreateOptimizerCore(double learningRate, double beta1, ILearningRateSchedule schedule) =>
        Optimizer.AdaHessian(new AdaHessianOptions
        {
            LearningRate = learningRate,
            Beta1 = beta1,
            Beta2 = Beta2,
            Epsilon = Epsilon,
            HessianPower = HessianPower,
            WeightDecay = WeightDecay,
        }, schedule);

    /// <inheritdoc />
    /// <remarks>
    /// A per-coordinate Newton step η·g/D moves the logit about λ̂ times too far, λ̂ the largest eigenvalue of
    /// D^(−½)HD^(−½) (≈ 2 on dense data, ≈ the non-zeros per row on binary sparse data, 221 on Fashion-MNIST), so
    /// η = min(1, c/λ̂), from 20 power iterations at the start: on up to 4,096 evenly spaced rows for full batches,
    /// and on one batch-sized sample for mini-batches, whose curvature is what a step sees (with many features per
    /// batch row its top eigenvalue grows with the sampling noise, and η shrinks with it). On full batches with β₁
    /// also automatic, the binary trainer takes both ends of the spectrum instead, and η with β₁ from them
    /// (<see cref="FullBatchMomentum"/>); the multiclass trainer keeps β₁ = 0.9: a softmax's Hessian has a direction
    /// without curvature (the sum of its biases), which leaves λ_min without meaning (η and β₁ from it diverged on
    /// small softmax problems).
    /// </remarks>
    private protected override (double Rate, double Beta1, string How) AutomaticLearningRateCore(IObjective objective,
        ReadOnlySpan<double> start, int batchSize, bool fullBatch, int seed)
    {
        if (fullBatch && Beta1 is null && !IsMulticlass)
        {
            (double largest, double smallest) = PreconditionedExtremes.Median(objective, 4096, start, iterations: 20, seed);
            return FullBatchMomentum.Choose(largest, smallest);
        }

        double eigenvalue = PreconditionedSpectrum.MedianLargestEigenvalue(objective, fullBatch ? 4096 : batchSize, start,
            iterations: 20, seed);
        double c = fullBatch ? AdaHessianTrainer.Defaults.FullBatchStability : AdaHessianTrainer.Defaults.MiniBatchStability;
        double rate = eigenvalue > c ? c / eigenvalue : 1;
        return (rate, GivenOrDefaultBeta1, $"automatic: min(1, {c:G2}/λ̂), λ̂ = {eigenvalue:G4}");
    }

    /// <inheritdoc />
    private protected override string DescribeMethod(Optimizer optimizer) => Curvature == CurvatureKind.ExactDiagonal
        ? $"AdaHessian exact (k={HessianPower:0.##})"
        : optimizer.Name;

    /// <inheritdoc />
    private protected override CurvatureOptions CreateCurvatureCore()
    {
        OptionChecks.Defined(Curvature, nameof(Curvature));
        return new CurvatureOptions(Curvature, HutchinsonSamples, SpatialAverageBlockSize, HessianUpdateInterval);
    }
}
