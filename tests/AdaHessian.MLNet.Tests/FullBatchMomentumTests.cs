using AdaHessian.MLNet.Data;
using AdaHessian.MLNet.Tests.TestSupport;
using AdaHessian.Training;
using Microsoft.ML;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

/// <summary>AdaHessian's η and β₁ on full batches: heavy-ball constants for the estimated condition number.</summary>
public sealed class FullBatchMomentumTests
{
    [Fact]
    public void The_constants_are_the_heavy_balls_for_the_condition_number_at_half_its_step()
    {
        // λ̂ = 4 … 1: κ = 4, √κ = 2, β₁ = ((2 − 1)/(2 + 1))² = 1/9, optimal η = 1/√(4·1) = 1/2, taken at half: 1/4.
        (double rate, double beta1, string how) = FullBatchMomentum.Choose(4, 1);
        Assert.Equal(1.0 / 9, beta1, 1e-15);
        Assert.Equal(0.25, rate, 1e-15);
        Assert.Contains("κ̂ = 4", how, StringComparison.Ordinal);

        // A perfectly conditioned problem: no momentum, half the per-coordinate Newton step scaled by λ̂.
        Assert.Equal((0.5 / 2, 0.0), Pair(FullBatchMomentum.Choose(2, 2)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-9)]
    public void An_ill_or_un_conditioned_spectrum_stops_at_the_largest_momentum(double smallest)
    {
        // κ̂ is capped where β₁ = 0.9: √κ = (1 + √0.9)/(1 − √0.9).
        (double rate, double beta1, _) = FullBatchMomentum.Choose(10, smallest);
        double rootCap = (1 + Math.Sqrt(0.9)) / (1 - Math.Sqrt(0.9));
        Assert.Equal(0.9, beta1, 1e-12);
        Assert.Equal(0.5 * rootCap / 10, rate, 1e-12);
    }

    [Fact]
    public void Without_curvature_the_first_step_is_the_Newton_step_with_the_usual_momentum()
    {
        Assert.Equal((1.0, 0.9), Pair(FullBatchMomentum.Choose(0, 0)));
    }

    [Fact]
    public void On_full_batches_the_chosen_momentum_reaches_the_optimum_in_fewer_steps_than_a_fixed_one()
    {
        var ml = new MLContext(seed: 1);
        var view = DenseView(ml, rows: 600, featureCount: 8, seed: 12);
        var automatic = new AdaHessianTrainer.Options { L2Regularization = 1 };
        var fixedMomentum = new AdaHessianTrainer.Options { L2Regularization = 1, Beta1 = 0.9f };
        var data = DataViewReader.Read(view, SchemaValidation.Check(view.Schema, automatic)).Dataset!;

        TrainingResult chosen = TrainingPlan.For(automatic, seed: 3).Run(data);
        TrainingResult usual = TrainingPlan.For(fixedMomentum, seed: 3).Run(data);

        // Both stop on the tolerance at the same optimum; with β₁ fixed at 0.9 the rate is capped at √0.9 a step.
        var objective = TrainingPlan.For(automatic, 3).CreateObjective(data, 1);
        double optimum = Math.Min(objective.Value(objective.AllRows, chosen.Parameters), objective.Value(objective.AllRows, usual.Parameters));
        Assert.InRange(objective.Value(objective.AllRows, chosen.Parameters), optimum, optimum * (1 + 1e-6));
        Assert.InRange(objective.Value(objective.AllRows, usual.Parameters), optimum, optimum * (1 + 1e-6));
        Assert.True(2 * chosen.Steps <= usual.Steps, $"{chosen.Steps} steps with the chosen β₁, {usual.Steps} with 0.9");
    }

    [Fact]
    public void The_log_names_the_momentum_and_how_it_was_chosen()
    {
        var ml = new MLContext(seed: 1);
        List<string> log = LogCapture.Messages(ml);
        ml.BinaryClassification.Trainers.AdaHessian(new AdaHessianTrainer.Options { L2Regularization = 1 }).Fit(DenseView(ml, rows: 300));

        string plan = Assert.Single(log, m => m.Contains("heavy ball", StringComparison.Ordinal));
        Assert.Matches(@"κ̂ = [0-9.]+\), β₁ 0\.[0-9]+, Cosine decay", plan);
    }

    private static (double, double) Pair((double Rate, double Beta1, string How) choice) => (choice.Rate, choice.Beta1);
}
