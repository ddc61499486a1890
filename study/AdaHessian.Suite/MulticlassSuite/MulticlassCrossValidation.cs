using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.MulticlassSuite;

/// <summary>What the cross-validated LbfgsMaximumEntropy search found.</summary>
/// <param name="Grid">The L2 values tried, in order.</param>
/// <param name="HeldOutLogLoss">Per grid value: the mean held-out log-loss in nats over every training row (each scored once, by the fold that held it out).</param>
/// <param name="ChosenL2">The grid value of the lowest held-out log-loss.</param>
/// <param name="Model">The refit on every training row at <paramref name="ChosenL2"/>.</param>
/// <param name="Fits">How many fits the search made, the refit included.</param>
internal sealed record MulticlassCrossValidation(
    IReadOnlyList<double> Grid,
    IReadOnlyList<double> HeldOutLogLoss,
    double ChosenL2,
    MulticlassPredictionTransformer<MaximumEntropyModelParameters> Model,
    int Fits);
