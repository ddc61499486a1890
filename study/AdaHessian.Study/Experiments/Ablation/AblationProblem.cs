using AdaHessian.Study.Experiments.Sweep;

namespace AdaHessian.Study.Experiments.Ablation;

/// <summary>
/// A seeded problem of the ablation: the sweep's synthetic problems (full batch for the trainers: at most 4,096 rows),
/// and two with more rows than that, where the trainers take mini-batches and the decay matters.
/// </summary>
/// <param name="Key">Summary key.</param>
/// <param name="Label">What the report calls it.</param>
/// <param name="Create">The instance of a seed, with Newton's optimum.</param>
/// <param name="MiniBatch">True for the problems the trainers take in mini-batches.</param>
internal sealed record AblationProblem(string Key, string Label, Func<int, SweepInstance> Create, bool MiniBatch = false)
{
    /// <summary>Rows of the mini-batch problems: ten times the sweep's, and always above the full-batch limit.</summary>
    public static int MiniBatchRows(StudyProfile profile) => Math.Max(10 * profile.SyntheticRows, 8192);

    public static IReadOnlyList<AblationProblem> All(StudyProfile profile)
    {
        var problems = SweepProblem.All(profile).Where(p => !p.IsToy)
            .Select(p => new AblationProblem(p.Key, p.Label, seed => p.Create(profile, seed))).ToList();
        int rows = MiniBatchRows(profile);
        foreach (bool rotated in new[] { false, true })
        {
            string shape = rotated ? "rotated" : "axis";
            problems.Add(new AblationProblem($"minibatch-kappa1e2-{shape}",
                $"κ=1e2 {(rotated ? "rotated" : "axis-aligned")}, {rows:N0} rows (mini-batches)",
                seed => SweepInstance.Synthetic(rows, profile.SyntheticFeatures, 100, rotated, seed), MiniBatch: true));
        }

        return problems;
    }
}
