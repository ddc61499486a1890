using AdaHessian.Data;
using AdaHessian.Datasets;
using AdaHessian.Objective;
using AdaHessian.Study.Problems;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>One seeded problem instance: data, loss, start, and its optimum F* (shared read-only by its runs).</summary>
/// <param name="HessianCondition">cond(∇²F(θ*)) for the synthetic problems; NaN for the toy.</param>
/// <param name="ScaledHessianCondition">The same after exact diagonal rescaling, cond(D^-½ H D^-½); NaN for the toy.</param>
internal sealed record SweepInstance(LogisticDataset Data, LossKind Loss, double L2, double[] Start, double Optimum,
    double HessianCondition, double ScaledHessianCondition)
{
    /// <summary>F at the start, the same for every optimizer on this instance.</summary>
    public double InitialObjective { get; } = ValueAt(new LogisticObjective(Data, Loss, L2, numberOfThreads: 1), Start);

    /// <summary>
    /// A seeded synthetic logistic regression (LogLoss, L2 = <see cref="SweepProblem.L2"/>, from θ = 0) with its optimum
    /// by Newton's method.
    /// </summary>
    public static SweepInstance Synthetic(int rows, int features, double conditionNumber, bool rotated, int seed)
    {
        var data = SyntheticLogistic.Generate(rows, features, conditionNumber, rotated, seed);
        OptimumResult optimum = OptimumSolver.Solve(new LogisticObjective(data, LossKind.LogLoss, SweepProblem.L2, numberOfThreads: 1));
        return new SweepInstance(data, LossKind.LogLoss, SweepProblem.L2, new double[data.FeatureCount + 1], optimum.Objective,
            optimum.HessianCondition, optimum.ScaledHessianCondition);
    }

    /// <summary>F at <paramref name="theta"/> over every row.</summary>
    public double ValueAt(double[] theta) => ValueAt(Objective(), theta);

    /// <summary>A fresh single-threaded objective (objectives reuse buffers, so every run gets its own).</summary>
    public LogisticObjective Objective() => new(Data, Loss, L2, numberOfThreads: 1);

    /// <summary>
    /// The run's target: F − F* ≤ 0.01·(F₀ − F*), i.e. 99 % of the starting gap closed. One definition for every
    /// problem: it needs no F* &gt; 0 (the toy's F* is 0) and does not depend on the objective's offset.
    /// </summary>
    public double Target => Optimum + SweepMetrics.TargetFraction * (InitialObjective - Optimum);

    private static double ValueAt(LogisticObjective objective, double[] theta) => objective.Value(objective.AllRows, theta);
}
