using AdaHessian.Suite.Pipeline;
using AdaHessian.Suite.Synthetic;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;

namespace AdaHessian.Suite.Running;

/// <summary>
/// Fits every trainer a few times on small dense and sparse data before anything is timed, so the first dataset's
/// times do not include JIT compilation (nor tier-0 code) that later datasets do not pay.
/// </summary>
internal static class Warmup
{
    /// <summary>Fits of each trainer on each warm-up dataset.</summary>
    public const int Fits = 3;

    /// <summary>Runs the warm-up fits and one run of each regularisation source; their results are discarded.</summary>
    public static void Run(IEnumerable<SuiteTrainer> trainers, IEnumerable<IRegularizationSource> regularization)
    {
        var ml = new MLContext(seed: 0);
        PreparedData[] data =
        [
            Preprocessing.Prepare(ml, new PlantedDense(300, 10, 5, 1).Generate(), normalize: true),
            Preprocessing.Prepare(ml, new PlantedSparse(300, 10, 1_000, 5, 1).Generate(), normalize: true),
        ];
        foreach (var trainer in trainers.Append(ReferenceOptimum.Trainer))
        {
            foreach (var set in data)
            {
                TrainerRun.Run(trainer, set, Fits);
            }
        }

        foreach (var source in regularization)
        {
            foreach (var set in data)
            {
                source.Run(set, [], 1);
            }
        }
    }
}
