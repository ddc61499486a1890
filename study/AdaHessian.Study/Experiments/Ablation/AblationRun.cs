using AdaHessian.MLNet;
using AdaHessian.Study.Experiments.Sweep;
using AdaHessian.Training;

namespace AdaHessian.Study.Experiments.Ablation;

/// <summary>One fit of one variant on one seeded problem instance, measured on the instance's own objective.</summary>
/// <param name="Gap">(F − F*)/|F*| of the returned model, F* from Newton's method; +∞ when the fit diverged.</param>
/// <param name="Steps">Optimizer steps taken (the tolerance may stop a run early); 0 when it diverged.</param>
internal sealed record AblationRun(double Gap, long Steps)
{
    /// <summary>Fits <paramref name="variant"/> at the instance's L2 with the seed; a divergence is an outcome.</summary>
    public static AblationRun Execute(SweepInstance instance, AblationVariant variant, int seed, CancellationToken cancellationToken)
    {
        LogisticNeuronTrainerOptions options = variant.Options();
        options.L2Regularization = (float)instance.L2;
        options.NumberOfThreads = 1;
        try
        {
            TrainingResult result = TrainingPlan.For(options, seed).Run(instance.Data, cancellationToken: cancellationToken);
            return new AblationRun((instance.ValueAt(result.Parameters) - instance.Optimum) / Math.Abs(instance.Optimum), result.Steps);
        }
        catch (TrainingDivergedException)
        {
            return new AblationRun(double.PositiveInfinity, 0);
        }
    }
}
