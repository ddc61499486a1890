using AdaHessian.Objective;
using AdaHessian.Study.Problems;

namespace AdaHessian.Study.Tests.Problems;

public class ToyNeuronTests
{
    private static double Sigmoid(double a) => 1 / (1 + Math.Exp(-a));

    [Fact]
    public void The_optimum_hits_both_targets()
    {
        (double w, double b) = ToyNeuron.Optimum();

        // The targets are stored as float (0.2f = 0.2000000030, 0.9f = 0.8999999762), and the optimum hits those.
        Assert.Equal((double)0.2f, Sigmoid(w * 0.5 + b), 1e-12);
        Assert.Equal((double)0.9f, Sigmoid(w * 2.5 + b), 1e-12);
        Assert.Equal(0.2, Sigmoid(w * 0.5 + b), 1e-7);
        Assert.Equal(0.9, Sigmoid(w * 2.5 + b), 1e-7);
    }

    [Fact]
    public void The_optimum_is_close_to_the_decimal_closed_form()
    {
        // With y = (0.2, 0.9) exactly: w* = (logit 0.9 − logit 0.2)/2 = (ln 9 + ln 4)/2 = ln 6,
        // b* = logit 0.2 − 0.5 w* = −ln 4 − ½ ln 6. The float targets move these by about 1e-7.
        (double w, double b) = ToyNeuron.Optimum();

        Assert.Equal(Math.Log(6), w, 1e-6);
        Assert.Equal(-Math.Log(4) - 0.5 * Math.Log(6), b, 1e-6);
    }

    [Fact]
    public void The_loss_is_zero_at_the_optimum_and_positive_elsewhere()
    {
        (double w, double b) = ToyNeuron.Optimum();

        Assert.True(ToyNeuron.LossAt(w, b) < 1e-28);
        Assert.True(ToyNeuron.LossAt(w + 1e-3, b) > 0);
        Assert.True(ToyNeuron.LossAt(w, b - 1e-3) > 0);
    }

    [Fact]
    public void LossAt_the_origin_is_hand_computed()
    {
        // σ(0) = ½ for both points: ½((0.5 − 0.2)² + (0.5 − 0.9)²)/2 = ½(0.09 + 0.16)/2 = 0.0625.
        Assert.Equal(0.0625, ToyNeuron.LossAt(0, 0), 1e-8);
    }

    [Theory]
    [InlineData(ToyNeuron.StartW, ToyNeuron.StartB)]
    [InlineData(0, 0)]
    [InlineData(ToyNeuron.WindowMin, ToyNeuron.WindowMax)]
    [InlineData(ToyNeuron.WindowMax, ToyNeuron.WindowMin)]
    [InlineData(ToyNeuron.WindowMax, ToyNeuron.WindowMax)]
    [InlineData(1.25, -3.5)]
    public void LossAt_matches_the_library_objective(double w, double b)
    {
        LogisticObjective objective = ToyNeuron.Objective();

        double library = objective.Value(objective.AllRows, [w, b]);

        Assert.Equal(library, ToyNeuron.LossAt(w, b), Math.Max(1e-15, 1e-13 * library));
    }

    [Fact]
    public void The_library_gradient_vanishes_at_the_optimum()
    {
        (double w, double b) = ToyNeuron.Optimum();
        LogisticObjective objective = ToyNeuron.Objective();
        var gradient = new double[2];

        objective.Evaluate(objective.AllRows, [w, b], gradient);

        Assert.True(Math.Abs(gradient[0]) < 1e-15 && Math.Abs(gradient[1]) < 1e-15, $"∇F = ({gradient[0]:G3}, {gradient[1]:G3})");
    }

    [Fact]
    public void The_objective_is_squared_error_without_L2_on_the_two_documented_points()
    {
        LogisticObjective objective = ToyNeuron.Objective();

        Assert.Equal(LossKind.SquaredError, objective.Loss);
        Assert.Equal(0, objective.L2Regularization);
        Assert.Equal(1, objective.NumberOfThreads);
        Assert.Equal([0.5f, 2.5f], objective.Data.Features.ToDenseArray());
        Assert.Equal([0.2f, 0.9f], objective.Data.Labels);
    }

    [Fact]
    public void Dataset_copies_the_shared_arrays()
    {
        ToyNeuron.Dataset().Labels[0] = 0.7f;

        Assert.Equal(0.2f, ToyNeuron.Targets[0]);
        Assert.Equal(0.2f, ToyNeuron.Dataset().Labels[0]);
    }
}
