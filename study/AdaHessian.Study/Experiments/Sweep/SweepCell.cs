using AdaHessian.Study.Statistics;

namespace AdaHessian.Study.Experiments.Sweep;

/// <summary>One (problem, optimizer, learning rate) cell across seeds: its scores and their quartiles .</summary>
internal sealed class SweepCell
{
    /// <summary>Summarises one score per seed.</summary>
    /// <param name="suboptimality">F − F* per seed (+∞ = diverged).</param>
    /// <param name="epochsToTarget">Epochs to the target per seed (+∞ = not reached).</param>
    public SweepCell(double[] suboptimality, double[] epochsToTarget)
    {
        Suboptimality = suboptimality;
        EpochsToTarget = epochsToTarget;
        (Q1, Median, Q3) = Quantiles.Quartiles(suboptimality);
        (EpochsQ1, MedianEpochs, EpochsQ3) = Quantiles.Quartiles(epochsToTarget);
        Diverged = suboptimality.Count(double.IsPositiveInfinity);
        Reached = epochsToTarget.Count(double.IsFinite);
    }

    /// <summary>Final F − F* per seed; +∞ for a diverged run.</summary>
    public double[] Suboptimality { get; }

    /// <summary>Epochs to the target per seed; +∞ when not reached.</summary>
    public double[] EpochsToTarget { get; }

    /// <summary>Quartiles of <see cref="Suboptimality"/>.</summary>
    public double Q1 { get; }

    /// <inheritdoc cref="Q1"/>
    public double Median { get; }

    /// <inheritdoc cref="Q1"/>
    public double Q3 { get; }

    /// <summary>Quartiles of <see cref="EpochsToTarget"/> (+∞ when more than that share of seeds missed it).</summary>
    public double EpochsQ1 { get; }

    /// <inheritdoc cref="EpochsQ1"/>
    public double MedianEpochs { get; }

    /// <inheritdoc cref="EpochsQ1"/>
    public double EpochsQ3 { get; }

    /// <summary>Seeds whose run diverged.</summary>
    public int Diverged { get; }

    /// <summary>Seeds whose run reached the target.</summary>
    public int Reached { get; }
}
