using AdaHessian.Data;
using AdaHessian.Suite.Metrics;

namespace AdaHessian.Suite.Tests.Metrics;

public class LogisticMetricsTests
{
    // Two rows: x = (1, 0) label 1, x = (0, 2) label 0.
    private static readonly LogisticDataset Two = new(FeatureMatrix.Dense(2, 2, [1, 0, 0, 2]), [1f, 0f]);

    [Fact]
    public void The_zero_model_costs_ln_2_per_row() =>
        Assert.Equal(Math.Log(2), LogisticMetrics.Objective(Two, LinearModel.Zero(2), 1), 12);

    [Fact]
    public void The_objective_is_the_mean_log_loss_plus_half_lambda_w_squared_over_n_without_the_bias()
    {
        var model = new LinearModel([1f, -1f], 0.5);

        // a₁ = 1 + 0.5 = 1.5 (y = 1): ln(1 + e^−1.5); a₂ = −2 + 0.5 = −1.5 (y = 0): ln(1 + e^−1.5); penalty (2/2)·2 = 2.
        double expected = (2 * Math.Log(1 + Math.Exp(-1.5)) + 2) / 2;
        Assert.Equal(expected, LogisticMetrics.Objective(Two, model, 2), 12);
    }

    [Fact]
    public void The_test_log_loss_uses_the_platt_calibrator()
    {
        var model = new LinearModel([1f, -1f], 0.5, Slope: -2, Offset: 1);

        // logit = −(slope·a + offset) = 2a − 1: 2 for row 1 (y = 1), −4 for row 2 (y = 0).
        double expected = (Math.Log(1 + Math.Exp(-2)) + Math.Log(1 + Math.Exp(-4))) / 2;
        Assert.Equal(expected, LogisticMetrics.TestLogLoss(Two, model), 12);
    }

    [Fact]
    public void The_log_loss_is_finite_for_huge_logits()
    {
        Assert.Equal(1000, LogisticMetrics.LogLoss(-1000, 1), 9);
        Assert.Equal(0, LogisticMetrics.LogLoss(1000, 1), 9);
        Assert.Equal(1000, LogisticMetrics.LogLoss(1000, 0), 9);
    }

    [Fact]
    public void Sparse_rows_score_through_their_indices()
    {
        var sparse = new LogisticDataset(FeatureMatrix.Sparse(2, 2, [0, 1, 2], [0, 1], [1, 2]), [1f, 0f]);
        var model = new LinearModel([1f, -1f], 0.5);

        Assert.Equal(LogisticMetrics.Objective(Two, model, 1), LogisticMetrics.Objective(sparse, model, 1), 12);
    }

    [Fact]
    public void The_auc_counts_ordered_pairs_and_half_of_the_ties()
    {
        // Positives score 0.9, 0.5; negatives 0.5, 0.1. Pairs: (0.9 > 0.5), (0.9 > 0.1), (0.5 = 0.5 → ½), (0.5 > 0.1) = 3.5/4.
        Assert.Equal(0.875, LogisticMetrics.Auc([0.9, 0.5, 0.5, 0.1], [1f, 1f, 0f, 0f]), 12);
        Assert.Equal(0, LogisticMetrics.Auc([0.1, 0.9], [1f, 0f]), 12);
        Assert.Equal(0.5, LogisticMetrics.Auc([3, 3, 3], [1f, 0f, 1f]), 12);
    }

    [Fact]
    public void The_auc_is_undefined_with_one_class() =>
        Assert.True(double.IsNaN(LogisticMetrics.Auc([0.2, 0.4], [1f, 1f])));
}
