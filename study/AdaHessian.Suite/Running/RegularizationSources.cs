using System.Text.RegularExpressions;
using AdaHessian.MLNet;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;

namespace AdaHessian.Suite.Running;

/// <summary>
/// The column groups of the regularisation table, in order. A trainer that chooses its own L2 and logs
/// "L2 &lt;value&gt; (chosen by …" joins as <c>new LoggedL2Source(trainer)</c>.
/// </summary>
internal static class RegularizationSources
{
    /// <summary>The sources, in report order.</summary>
    public static IReadOnlyList<IRegularizationSource> All { get; } =
    [
        new CrossValidatedSource(),
        new LoggedL2Source(new SuiteTrainer("AdaHessian, automatic L2", "AdaHessianTrainer, all defaults (L2 chosen by cross-validation)",
            ml => ml.BinaryClassification.Trainers.AdaHessian())),
        new LoggedL2Source(new SuiteTrainer("AdaHessian, evidence L2", "AdaHessianTrainer, defaults but L2Selection = Evidence (one timed fit)",
            ml => ml.BinaryClassification.Trainers.AdaHessian(new AdaHessianTrainer.Options { L2Selection = Regularization.L2Method.Evidence })),
            maximumFits: 1),
    ];

    /// <summary>The sources whose name matches <paramref name="pattern"/> (a regular expression; null = all).</summary>
    public static IReadOnlyList<IRegularizationSource> Select(string? pattern) =>
        pattern is null ? All : [.. All.Where(s => Regex.IsMatch(s.Name, pattern, RegexOptions.IgnoreCase))];
}
