using AdaHessian.Datasets;

namespace AdaHessian.Suite.Multiclass;

/// <summary>The report's conclusions, each computed from the outcomes.</summary>
internal static class MulticlassConclusions
{
    /// <summary>The gap a fit must close to count as converged (as in the defaults suite).</summary>
    public const double GapTolerance = 1e-3;

    /// <summary>All conclusions, in report order.</summary>
    public static IEnumerable<string> All(MulticlassResult result) =>
        Ratios(result.Outcomes).Concat(Gaps(result)).Concat(Epochs(result.Outcomes)).Concat(TimeToOptimum(result))
            .Concat(Confusion(result.Outcomes));

    /// <summary>The softmax AdaHessian at L2 = 1 against L-BFGS at the same L2 and against one-versus-all, in words.</summary>
    public static IEnumerable<string> Ratios(IReadOnlyList<MulticlassOutcome> outcomes)
    {
        MulticlassOutcome? ours = Find(outcomes, MulticlassTrainer.AdaHessian);
        if (ours is null)
        {
            yield return $"{MulticlassTrainer.AdaHessian} did not run or failed: no comparison.";
            yield break;
        }

        foreach (var (name, target) in new[] { (MulticlassTrainer.Lbfgs, "the target is ≤ its log-loss in ≤ 0.5× its time"), (MulticlassTrainer.OneVersusAll, "the target is ≥ 5× faster for the same accuracy") })
        {
            if (Find(outcomes, name) is not { } other)
            {
                yield return $"{name} did not run or failed.";
                continue;
            }

            double loss = ours.LogLoss / other.LogLoss, time = ours.Seconds / other.Seconds;
            yield return FormattableString.Invariant(
                $"{MulticlassTrainer.AdaHessian} against {name}: test log-loss {loss:0.000}× ({(loss <= 1 ? "lower or equal" : "higher")}), accuracy {ours.Accuracy - other.Accuracy:+0.0000;-0.0000;0}, time {time:0.00}× ({target}).");
        }
    }

    /// <summary>Which fits of the L2 = 1 objective are within <see cref="GapTolerance"/> of F*.</summary>
    public static IEnumerable<string> Gaps(MulticlassResult result)
    {
        var fits = result.Outcomes.Where(o => double.IsFinite(o.Objective)).ToList();
        if (fits.Count == 0)
        {
            yield break;
        }

        var within = fits.Where(o => result.Gap(o) <= GapTolerance).Select(o => o.Trainer).ToList();
        var outside = fits.Where(o => result.Gap(o) > GapTolerance).Select(o => FormattableString.Invariant($"{o.Trainer} ({result.Gap(o):0.0e+00})")).ToList();
        yield return $"Training-objective gap ≤ {GapTolerance:0e0} of F*: {(within.Count == 0 ? "none" : string.Join(", ", within))}" +
            (outside.Count == 0 ? "." : $"; above it: {string.Join(", ", outside)}.");
        if (Find(result.Outcomes, MulticlassTrainer.Lbfgs) is { } lbfgs && result.Gap(lbfgs) <= GapTolerance)
        {
            foreach (MulticlassOutcome o in fits.Where(o => o.Trainer != lbfgs.Trainer && result.Gap(o) > GapTolerance && o.LogLoss < lbfgs.LogLoss))
            {
                yield return FormattableString.Invariant(
                    $"{o.Trainer} has a lower test log-loss than {lbfgs.Trainer} ({o.LogLoss:0.0000} vs {lbfgs.LogLoss:0.0000}) while stopping {result.Gap(o):0.0e+00} above F*: at this λ the lower test loss comes from not reaching the optimum (implicit regularisation), not from fitting the same objective better.");
            }
        }
    }

    /// <summary>Per softmax trainer with epochs: the first epoch at or below L-BFGS's test log-loss, and the best epoch.</summary>
    public static IEnumerable<string> Epochs(IReadOnlyList<MulticlassOutcome> outcomes)
    {
        MulticlassOutcome? lbfgs = Find(outcomes, MulticlassTrainer.Lbfgs);
        foreach (MulticlassOutcome o in outcomes.Where(o => o.Error is null && o.EpochLogLoss.Count > 0))
        {
            int best = Enumerable.Range(0, o.EpochLogLoss.Count).MinBy(e => o.EpochLogLoss[e]);
            string reach = lbfgs is null
                ? ""
                : FirstAtOrBelow(o.EpochLogLoss, lbfgs.LogLoss) is int e
                    ? FormattableString.Invariant($"at or below L-BFGS's {lbfgs.LogLoss:0.0000} from epoch {e + 1}{After(o, e, lbfgs)}; ")
                    : FormattableString.Invariant($"never at or below L-BFGS's {lbfgs.LogLoss:0.0000}; ");
            yield return FormattableString.Invariant(
                $"{o.Trainer}: test log-loss {o.EpochLogLoss[0]:0.0000} after epoch 1, {reach}lowest {o.EpochLogLoss[best]:0.0000} at epoch {best + 1} of {o.EpochLogLoss.Count}, last {o.EpochLogLoss[^1]:0.0000}.");
        }
    }

    /// <summary>
    /// Per trainer of the compared objective with epochs: the first epoch whose reported training objective is within
    /// <see cref="GapTolerance"/> of F*, and when.
    /// </summary>
    public static IEnumerable<string> TimeToOptimum(MulticlassResult result)
    {
        MulticlassOutcome? lbfgs = Find(result.Outcomes, MulticlassTrainer.Lbfgs);
        double optimum = result.Optimum;
        foreach (MulticlassOutcome o in result.Outcomes.Where(o => o.Error is null && o.EpochObjective.Count > 0))
        {
            double[] gaps = [.. o.EpochObjective.Select(f => ObjectiveGap.Relative(f, optimum))];
            yield return FirstAtOrBelow(gaps, GapTolerance) is int e
                ? FormattableString.Invariant($"{o.Trainer}: training objective within {GapTolerance:0e0} of F* from epoch {e + 1}{After(o, e, lbfgs)}.")
                : FormattableString.Invariant($"{o.Trainer}: training objective never within {GapTolerance:0e0} of F* in {gaps.Length} epochs (after the last, {gaps[^1]:0.0e+00} above it).");
        }
    }

    // " (after 10.1 s, 0.15× L-BFGS's fit)" for epoch index e, when the outcome recorded its epochs' times.
    private static string After(MulticlassOutcome o, int e, MulticlassOutcome? lbfgs) =>
        e >= o.EpochSeconds.Count
            ? ""
            : FormattableString.Invariant($" (after {o.EpochSeconds[e]:0.0} s") +
              (lbfgs is null ? ")" : FormattableString.Invariant($", {o.EpochSeconds[e] / lbfgs.Seconds:0.00}× L-BFGS's fit)"));

    /// <summary>The most frequent mistake and the easiest and hardest classes of the confusion matrix shown.</summary>
    public static IEnumerable<string> Confusion(IReadOnlyList<MulticlassOutcome> outcomes)
    {
        if (outcomes.FirstOrDefault(o => o.Confusion is not null) is not { Confusion: { } c } shown)
        {
            yield break;
        }

        var (actual, predicted, fraction) = c.WorstConfusion();
        var (easiest, hardest) = c.RecallExtremes();
        IReadOnlyList<string> names = FashionMnist.ClassNames;
        yield return FormattableString.Invariant(
            $"Confusion matrix of {shown.Trainer}: the most frequent mistake is {names[actual]} taken for {names[predicted]} ({fraction:P1} of the {names[actual]} test images); {names[easiest]} is recognised most often ({c.Fraction(easiest, easiest):P1}), {names[hardest]} least often ({c.Fraction(hardest, hardest):P1}).");
    }

    /// <summary>The first index whose value is ≤ <paramref name="level"/>, or null.</summary>
    public static int? FirstAtOrBelow(IReadOnlyList<double> values, double level)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] <= level)
            {
                return i;
            }
        }

        return null;
    }

    private static MulticlassOutcome? Find(IReadOnlyList<MulticlassOutcome> outcomes, string name) =>
        outcomes.FirstOrDefault(o => o.Trainer == name && o.Error is null);
}
