using AdaHessian.Suite.Pipeline;

namespace AdaHessian.Suite.Running;

/// <summary>
/// One column group of the regularisation table: a way to choose L2 from the training split alone, whose final model
/// is measured on the test split and compared with L-BFGS at L2 = 1.
/// </summary>
internal interface IRegularizationSource
{
    /// <summary>Short name, matched by <c>--trainer</c>.</summary>
    string Name { get; }

    /// <summary>What it runs, for the report's method.</summary>
    string Settings { get; }

    /// <summary>Chooses L2 on <paramref name="data"/>'s training split and measures the result on its test split.</summary>
    /// <param name="data">The prepared dataset.</param>
    /// <param name="trainers">The outcomes of the dataset's trainers so far (the L2 = 1 baseline's fit time among them).</param>
    /// <param name="fits">Fits per trainer of the run, for a source whose time is a median.</param>
    RegularizationOutcome Run(PreparedData data, IReadOnlyList<TrainerOutcome> trainers, int fits);
}
