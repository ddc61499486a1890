using AdaHessian.Study.Statistics;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>
/// Everything the sweep's outputs are computed from: instances, runs and their summaries. Best learning rate of an
/// optimizer on a problem = lowest median final F − F* across seeds; ties go to the smaller rate.
/// </summary>
internal sealed class SweepAnalysis
{
    public SweepAnalysis(IReadOnlyList<SweepProblem> problems, IReadOnlyList<OptimizerVariant> optimizers, double[] rates,
        int[] seeds, SweepInstance[,] instances, SweepRun[,,,] runs)
    {
        (Problems, Optimizers, Rates, Seeds, Instances, Runs) = (problems, optimizers, rates, seeds, instances, runs);
        Cells = new SweepCell[problems.Count, optimizers.Count, rates.Length];
        Best = new int[problems.Count, optimizers.Count];
        for (int p = 0; p < problems.Count; p++)
        {
            for (int o = 0; o < optimizers.Count; o++)
            {
                for (int r = 0; r < rates.Length; r++)
                {
                    Cells[p, o, r] = new SweepCell(
                        seeds.Select((_, s) => Suboptimality(p, o, r, s)).ToArray(),
                        seeds.Select((_, s) => runs[p, o, r, s].EpochsToTarget ?? double.PositiveInfinity).ToArray());
                    if (Cells[p, o, r].Median < Cells[p, o, Best[p, o]].Median)
                    {
                        Best[p, o] = r;
                    }
                }
            }
        }

        Paired = [.. Enumerable.Range(0, problems.Count).SelectMany(p => Enumerable.Range(1, optimizers.Count - 1).Select(o => Compare(p, o)))];
    }

    public IReadOnlyList<SweepProblem> Problems { get; }

    public IReadOnlyList<OptimizerVariant> Optimizers { get; }

    public double[] Rates { get; }

    public int[] Seeds { get; }

    /// <summary>[problem, seed].</summary>
    public SweepInstance[,] Instances { get; }

    /// <summary>[problem, optimizer, rate, seed].</summary>
    public SweepRun[,,,] Runs { get; }

    /// <summary>[problem, optimizer, rate].</summary>
    public SweepCell[,,] Cells { get; }

    /// <summary>Index of the best rate, [problem, optimizer].</summary>
    public int[,] Best { get; }

    /// <summary>Each AdaHessian variant against Adam (optimizer 0) on each problem.</summary>
    public IReadOnlyList<PairedComparison> Paired { get; }

    /// <summary>The cell at the best rate.</summary>
    public SweepCell BestCell(int problem, int optimizer) => Cells[problem, optimizer, Best[problem, optimizer]];

    /// <summary>The comparison of <paramref name="optimizer"/> (≥ 1) with Adam on <paramref name="problem"/>.</summary>
    public PairedComparison PairedFor(int problem, int optimizer) => Paired[problem * (Optimizers.Count - 1) + optimizer - 1];

    /// <summary>Final F − F* of one run (+∞ when it diverged).</summary>
    public double Suboptimality(int problem, int optimizer, int rate, int seed) =>
        SweepMetrics.Suboptimality(Runs[problem, optimizer, rate, seed].Final, Instances[problem, seed].Optimum);

    private PairedComparison Compare(int problem, int optimizer)
    {
        double[] candidate = BestCell(problem, optimizer).Suboptimality;
        double[] baseline = BestCell(problem, 0).Suboptimality;
        (int wins, int losses, int ties) = PairedTests.Count(candidate, baseline);
        return new PairedComparison(Problems[problem], Optimizers[optimizer], Rates[Best[problem, optimizer]],
            Rates[Best[problem, 0]], wins, losses, ties, PairedTests.WilcoxonSignedRank(candidate, baseline),
            PairedTests.SignTest(wins, losses));
    }
}
