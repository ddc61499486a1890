using AdaHessian.Data;
using AdaHessian.Objective;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>One seeded problem instance: data, loss, start, and its optimum F* (shared read-only by its runs).</summary>
/// <param name="HessianCondition">cond(∇²F(θ*)) for the synthetic problems; NaN for the toy.</param>
/// <param name="ScaledHessianCondition">The same after exact diagonal rescaling, cond(D^-½ H D^-½); NaN for the toy.</param>
internal sealed record SweepInstance(LogisticDataset Data, LossKind Loss, double L2, double[] Start, double Optimum,
    double HessianCondition, double ScaledHessianCondition)
{
    /// <summary>F at the start, the same for every optimizer on this instance.</summary>
    public double InitialObjective { get; } = ValueAt(new LogisticObjective(Data, Loss, L2, numberOfThreads: 1), Start);

    /// <summary>A fresh single-threaded objective (objectives reuse buffers, so every run gets its own).</summary>
    public LogisticObjective Objective() => new(Data, Loss, L2, numberOfThreads: 1);

    /// <summary>
    /// The run's target: F − F* ≤ 0.01·(F₀ − F*), i.e. 99 % of the starting gap closed. One definition for every
    /// problem: it needs no F* &gt; 0 (the toy's F* is 0) and does not depend on the objective's offset.
    /// </summary>
    public double Target => Optimum + SweepMetrics.TargetFraction * (InitialObjective - Optimum);

    private static double ValueAt(LogisticObjective objective, double[] theta) => objective.Value(objective.AllRows, theta);
}
