using AdaHessian.Training;

namespace AdaHessian.MLNet;

/// <summary>
/// What a fit does when the η it chose itself diverges: the estimate behind it (the spectrum of a few Lanczos steps, or
/// the measured rates of mini-batch steps) misjudged this data, so the fit starts again from the same point with a
/// quarter of the step and β₁ back to 0.9, up to <see cref="MaximumRetries"/> times, before it gives up. A given η is
/// the user's to change: its divergence is reported at once.
/// </summary>
/// <param name="Attempt">1 for the first retry.</param>
/// <param name="Reason">What diverged: the exception's message without its advice (the retry takes it).</param>
internal readonly record struct DivergenceRetry(int Attempt, string Reason)
{
    /// <summary>The retry after <paramref name="attempt"/> − 1 earlier ones, for the divergence <paramref name="e"/>.</summary>
    public static DivergenceRetry After(int attempt, TrainingDivergedException e)
    {
        int advice = e.Message.IndexOf(" Try ", StringComparison.Ordinal);
        return new DivergenceRetry(attempt, (advice > 0 ? e.Message[..advice] : e.Message).TrimEnd('.'));
    }

    /// <summary>
    /// Retries after the first attempt: η ends at 4⁻⁸ ≈ 1.5e-5 of the estimate at the least. Adam's full-batch η of
    /// 0.1 on features of scale 1e6 diverges down to 1e-4 and converges from 2.4e-5 (seven retries); a diverging
    /// attempt stops at its first failed check, so the retries cost little next to the fit.
    /// </summary>
    public const int MaximumRetries = 8;

    /// <summary>η of each retry over the one before.</summary>
    public const double Shrink = 0.25;

    /// <summary>The estimate's η, β₁ and description, made safer for this retry.</summary>
    public (double Rate, double Beta1, string How) Apply(double rate, double beta1, double defaultBeta1, string how)
    {
        double factor = Math.Pow(Shrink, Attempt);
        return (rate * factor, Math.Max(beta1, defaultBeta1),
            FormattableString.Invariant($"{how}, × {factor:G4} after η {rate * factor / Shrink:G4} diverged"));
    }
}
