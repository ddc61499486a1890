using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Running;

/// <summary>Everything one run of the suite produced.</summary>
/// <param name="Datasets">One outcome per selected dataset, skipped ones included, in registry order.</param>
/// <param name="Trainers">The trainers that ran, in order.</param>
/// <param name="Fits">Fits per trainer and dataset (the time is their median).</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
internal sealed record SuiteResult(IReadOnlyList<DatasetOutcome> Datasets, IReadOnlyList<SuiteTrainer> Trainers, int Fits, double TotalSeconds)
{
    /// <summary>The regularisation sources that ran, in order (the columns of the regularisation table).</summary>
    public IReadOnlyList<IRegularizationSource> Regularization { get; init; } = [];
}
