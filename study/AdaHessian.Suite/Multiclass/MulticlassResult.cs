namespace AdaHessian.Suite.Multiclass;

/// <summary>The comparison's outcomes and the reference fit that gives F*.</summary>
/// <param name="Outcomes">One per trainer, in table order.</param>
/// <param name="ReferenceObjective">F of the reference fit (per row, at <see cref="MulticlassTrainer.L2"/>).</param>
/// <param name="ReferenceSeconds">Wall time of the reference fit.</param>
/// <param name="ReferenceGradientNorm">‖∇F‖₂ at the reference, from the core's <c>SoftmaxObjective</c>: how tight it is.</param>
internal sealed record MulticlassResult(IReadOnlyList<MulticlassOutcome> Outcomes, double ReferenceObjective, double ReferenceSeconds,
    double ReferenceGradientNorm)
{
    /// <summary>F*: the lowest F of the reference and of the trainers that fit the same objective.</summary>
    public double Optimum => ObjectiveGap.Optimum(ReferenceObjective, Outcomes.Select(o => o.Objective));

    /// <summary>The trainer's gap (F − F*)/|F*|; NaN for another objective or a failed fit.</summary>
    public double Gap(MulticlassOutcome outcome) => ObjectiveGap.Relative(outcome.Objective, Optimum);
}
