using System.Globalization;

namespace AdaHessian.MLNet;

/// <summary>
/// η and β₁ of AdaHessian on full batches, from the extremes λ̂_max, λ̂_min of the preconditioned Hessian
/// D^(−½)HD^(−½) at the start. On a full batch the step with momentum is Polyak's heavy ball in the coordinates the
/// diagonal makes well scaled: x ← x − η(1 − β₁)g/D + β₁(x − x_prev). With κ̂ = λ̂_max/λ̂_min its best constants are
/// β₁ = ((√κ̂ − 1)/(√κ̂ + 1))² and η = 1/√(λ̂_max·λ̂_min), converging by (√κ̂ − 1)/(√κ̂ + 1) a step: a fixed β₁ = 0.9
/// caps the rate at √0.9 a step whatever the conditioning (about 150 steps to the tolerance on well-conditioned data,
/// 30 to 60 with these). η is taken at <see cref="AdaHessianTrainer.Defaults.FullBatchStepFraction"/> of that
/// optimum, which keeps the stiffest direction twice inside the stability bound η(1 − β₁)λ_max &lt; 2(1 + β₁) (the
/// curvature moves as the model fits); κ̂ is capped where β₁ reaches <see cref="AdaHessianTrainer.Defaults.FullBatchMaximumMomentum"/>.
/// </summary>
internal static class FullBatchMomentum
{
    /// <summary>(η, β₁, how, for the log) from the spectrum's estimated extremes.</summary>
    public static (double Rate, double Beta1, string How) Choose(double largest, double smallest)
    {
        double maximumMomentum = AdaHessianTrainer.Defaults.FullBatchMaximumMomentum;
        if (!(largest > 0))
        {
            // No curvature to scale by: the first step is the per-coordinate Newton step.
            return (1, maximumMomentum, "automatic: no curvature at the start");
        }

        double root = Math.Sqrt(maximumMomentum);
        double maximumCondition = Math.Pow((1 + root) / (1 - root), 2);
        double condition = Math.Clamp(largest / smallest, 1, maximumCondition); // smallest = 0 → the cap
        double ratio = (Math.Sqrt(condition) - 1) / (Math.Sqrt(condition) + 1);
        double beta1 = ratio * ratio;
        double rate = AdaHessianTrainer.Defaults.FullBatchStepFraction * Math.Sqrt(condition) / largest;
        return (rate, beta1, string.Create(CultureInfo.InvariantCulture,
            $"automatic: heavy ball at {AdaHessianTrainer.Defaults.FullBatchStepFraction:G2} of its step, λ̂ = {largest:G4} … {smallest:G4}, κ̂ = {condition:G4}"));
    }
}
