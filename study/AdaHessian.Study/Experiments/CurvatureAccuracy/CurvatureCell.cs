using AdaHessian.Study.Statistics;

namespace AdaHessian.Study.Experiments.CurvatureAccuracy;

/// <summary>
/// The measurements at one (problem, point θ): relative errors indexed [samples index, block index, repeat], the
/// bias that block averaging itself introduces per block size, and the off-diagonal ratio of H.
/// </summary>
internal sealed record CurvatureCell(CurvatureProblem Problem, string Point, double Objective, int[] Samples, int[] Blocks, int Repeats)
{
    /// <summary>Error of the averaged estimate against the exact diagonal averaged over the same blocks.</summary>
    public double[,,] Error { get; } = new double[Samples.Length, Blocks.Length, Repeats];

    /// <summary>Error of the averaged estimate against the unaveraged exact diagonal.</summary>
    public double[,,] ErrorUnaveraged { get; } = new double[Samples.Length, Blocks.Length, Repeats];

    /// <summary>‖avg_b |diag H| − |diag H|‖₂ / ‖diag H‖₂ per block size.</summary>
    public double[] AveragingBias { get; } = new double[Blocks.Length];

    /// <summary>c = ‖H − diag H‖_F / ‖diag H‖₂.</summary>
    public double OffDiagonalRatio { get; set; }

    /// <summary>Quartiles over the repeats of one (N, b).</summary>
    public (double Q1, double Median, double Q3) Stats(int sample, int block, bool unaveraged)
    {
        double[,,] source = unaveraged ? ErrorUnaveraged : Error;
        return Quantiles.Quartiles(Enumerable.Range(0, Repeats).Select(r => source[sample, block, r]).ToArray());
    }

    /// <summary>Median over the repeats of one (N, b).</summary>
    public double Median(int sample, int block, bool unaveraged) => Stats(sample, block, unaveraged).Median;

    /// <summary>Least squares of log₁₀ median error on log₁₀ N.</summary>
    public (double Intercept, double Slope) Fit(int block) => MathNet.Numerics.Fit.Line(
        Samples.Select(n => Math.Log10(n)).ToArray(),
        Samples.Select((_, i) => Math.Log10(Median(i, block, false))).ToArray());
}
