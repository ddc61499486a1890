using AdaHessian.Suite.Data;
using AdaHessian.Suite.Multiclass;
using AdaHessian.Suite.MulticlassSuite;
using AdaHessian.Suite.Trainers;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Tests.MulticlassSuite;

public class CrossValidatedMaximumEntropyTests
{
    // 90 rows of three overlapping blobs, so the held-out loss varies along the grid.
    private static readonly MulticlassRows Train = MulticlassWarmup.Blobs(3, 30, 4, seed: 5);

    private static readonly MulticlassCrossValidation Search =
        CrossValidatedMaximumEntropy.Search(Train, MulticlassViews.Keyed(new MLContext(seed: 0), Train), L2Grid.Default);

    [Fact]
    public void The_held_out_losses_are_those_of_tight_cold_fits_on_the_same_folds_to_a_thousandth()
    {
        double[] cold = ColdHeldOut();

        // Warm-started from a more penalised fold model, L-BFGS's relative stopping rule (1e-7) ends slightly early
        // where the penalty is weak: here up to 7e-4 of the loss at L2 ≤ 1e-3, and within 1e-4 from 1e-2 up.
        for (int l = 0; l < cold.Length; l++)
        {
            Assert.True(Math.Abs(Search.HeldOutLogLoss[l] / cold[l] - 1) < 1e-3, $"L2 {L2Grid.Default[l]:G3}: {Search.HeldOutLogLoss[l]} vs {cold[l]}");
        }
    }

    [Fact]
    public void The_chosen_L2_is_the_one_of_the_lowest_cold_held_out_loss()
    {
        double[] cold = ColdHeldOut();

        Assert.Equal(L2Grid.Default[Array.IndexOf(cold, cold.Min())], Search.ChosenL2);
    }

    [Fact]
    public void The_search_makes_one_fit_per_fold_and_L2_plus_the_refit_and_the_refit_is_the_fit_at_the_choice()
    {
        var view = MulticlassViews.Keyed(new MLContext(seed: 0), Train);
        var cold = CrossValidatedMaximumEntropy.Fit(Search.ChosenL2, view, null).Model;
        LabelledRows rows = Train.ToLabelledRows();
        int[] identity = [0, 1, 2];

        Assert.Equal(5 * 10 + 1, Search.Fits);
        Assert.Equal(SoftmaxMetrics.LogLoss(rows, SoftmaxModel.From(cold, identity)),
            SoftmaxMetrics.LogLoss(rows, SoftmaxModel.From(Search.Model.Model, identity)), 3);
    }

    // Per L2: every fold's model fitted from zero, to a tight tolerance, to the other folds; −log p of the true class summed over the fold, over n.
    private static double[] ColdHeldOut()
    {
        int[] fold = StratifiedClassFolds.Assign(Train.Labels, 3, 5);
        var losses = new double[L2Grid.Default.Count];
        for (int l = 0; l < losses.Length; l++)
        {
            for (int k = 0; k < 5; k++)
            {
                var fitted = Train.Select([.. Enumerable.Range(0, Train.Count).Where(i => fold[i] != k)]);
                var heldOut = Train.Select([.. Enumerable.Range(0, Train.Count).Where(i => fold[i] == k)]);
                var ml = new MLContext(seed: 0);
                MaximumEntropyModelParameters model = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                    new LbfgsMaximumEntropyMulticlassTrainer.Options
                    {
                        L1Regularization = 0, L2Regularization = (float)L2Grid.Default[l], OptimizationTolerance = 1e-12f,
                        MaximumNumberOfIterations = 100_000,
                    })
                    .Fit(MulticlassViews.Keyed(ml, fitted)).Model;
                losses[l] += SoftmaxMetrics.LogLoss(heldOut.ToLabelledRows(), SoftmaxModel.From(model, [0, 1, 2])) * heldOut.Count;
            }

            losses[l] /= Train.Count;
        }

        return losses;
    }
}
