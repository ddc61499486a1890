using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Optimizers;

public class UpdateTransformTests
{
    private static readonly ParameterLayout TwoClasses = new(Blocks: 2, WeightsPerBlock: 3);

    private static void Apply(IUpdateTransform transform, ParameterLayout layout, double[] parameters, double[] updates,
        long step = 1, double[]? curvature = null)
    {
        TransformState state = transform.Init(layout);
        transform.Update(new UpdateInput(updates, curvature ?? [], parameters, step, layout), state, updates);
    }

    [Fact]
    public void Layout_counts_blocks_of_weights_and_a_bias()
    {
        Assert.Equal(8, TwoClasses.ParameterCount);
        Assert.Equal(4, TwoClasses.BlockStart(1));
        Assert.Equal(new ParameterLayout(1, 5), ParameterLayout.Neuron(5));
    }

    [Fact]
    public void Decayed_weights_are_added_to_every_weight_of_every_block_and_never_to_a_bias()
    {
        // Eight values cover the four-wide vector path and the scalar tail; the biases sit at 3 and 7.
        double[] theta = [1, -2, 3, 10, 4, 5, -6, 20];
        double[] updates = [0.5, 0.5, 0.5, 0.5, -1, -1, -1, -1];
        Apply(new AddDecayedWeights(0.1), TwoClasses, theta, updates);
        Approx.Equal([0.6, 0.3, 0.8, 0.5, -0.6, -0.5, -1.6, -1], updates, 1e-15, "u + λθ on weights only");
    }

    [Fact]
    public void Zero_decay_turns_a_negative_zero_update_into_positive_zero_on_weights_and_biases_alike()
    {
        // The weights get + 0·θ (≥ 0 here) and the biases + 0: the sign of a zero update must not depend on its place.
        double[] updates = [-0.0, -0.0];
        Apply(new AddDecayedWeights(0), ParameterLayout.Neuron(1), [2.0, 3.0], updates);
        Assert.Equal([0.0, 0.0], updates);
        Assert.False(double.IsNegative(updates[0]) || double.IsNegative(updates[1]));
    }

    [Fact]
    public void The_learning_rate_link_scales_by_minus_the_schedules_rate_for_that_step()
    {
        var schedule = new StepSchedule();
        double[] updates = [1, -2, 4, 0.5, 3];
        Apply(new ScaleByLearningRate(schedule), ParameterLayout.Neuron(4), new double[5], updates, step: 3);
        double rate = 0.1 * 3;
        Approx.Bitwise([-rate * 1, -rate * -2, -rate * 4, -rate * 0.5, -rate * 3], updates, "−η₃·u");
        Assert.Equal([3L], schedule.Asked);
    }

    [Fact]
    public void AdaHessians_preconditioner_without_curvature_says_what_is_missing()
    {
        var link = new ScaleByMoments(0.9, 0.999, 1e-4, 1, SecondMomentSource.Curvature);
        var e = Assert.Throws<InvalidOperationException>(() => Apply(link, ParameterLayout.Neuron(1), [0.0, 0.0], [1.0, 1.0]));
        Assert.Contains("curvature", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_applies_its_links_in_order_then_adds_the_result_to_theta()
    {
        // u = g → u + 0.5θ (weights) → −0.1u; θ += u. By hand for θ = (2, −1), g = (1, 1): u = (2, 1), θ = (1.8, −1.1).
        var chain = new Optimizer("decay then rate", 0.1, new AddDecayedWeights(0.5), new ScaleByLearningRate(new ConstantLearningRate(0.1)));
        double[] theta = [2, -1];
        OptimizerState state = chain.Init(ParameterLayout.Neuron(1));
        chain.Step([1, 1], default, state, theta);
        Approx.Equal([1.8, -1.1], theta, 1e-15, "θ₁");
        Assert.Equal(1, state.Step);
        Assert.False(chain.UsesCurvature);

        // The other order rates first, then decays the rated update: u = −0.1g + 0.5θ.
        var reversed = new Optimizer("rate then decay", 0.1, new ScaleByLearningRate(new ConstantLearningRate(0.1)), new AddDecayedWeights(0.5));
        theta = [2, -1];
        reversed.Step([1, 1], default, reversed.Init(ParameterLayout.Neuron(1)), theta);
        Approx.Equal([2 + (-0.1 + 1), -1 - 0.1], theta, 1e-15, "θ₁, links reversed");
    }

    [Fact]
    public void A_chain_step_checks_lengths_and_its_own_state()
    {
        Optimizer adam = Optimizer.Adam();
        OptimizerState state = adam.Init(ParameterLayout.Neuron(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => adam.Step(new double[2], default, state, new double[3]));
        var other = new Optimizer("one link", 1, new AddDecayedWeights(0));
        Assert.Equal("state", Assert.Throws<ArgumentOutOfRangeException>(
            () => other.Step(new double[3], default, state, new double[3])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Optimizer("empty", 1));
    }

    [Fact]
    public void Adam_and_AdaHessian_are_the_same_three_links_but_for_the_preconditioners_source_and_power()
    {
        Optimizer adam = Optimizer.Adam(new AdamOptions { LearningRate = 0.01, WeightDecay = 0.1 });
        Optimizer adaHessian = Optimizer.AdaHessian(new AdaHessianOptions { LearningRate = 0.01, WeightDecay = 0.1, HessianPower = 0.5 });
        Assert.Equal([typeof(ScaleByMoments), typeof(AddDecayedWeights), typeof(ScaleByLearningRate)], adam.Links.Select(l => l.GetType()));
        Assert.Equal(adam.Links.Select(l => l.GetType()), adaHessian.Links.Select(l => l.GetType()));
        Assert.Equal(new ScaleByMoments(0.9, 0.999, 1e-8, 1, SecondMomentSource.Gradient), adam.Links[0]);
        Assert.Equal(new ScaleByMoments(0.9, 0.999, 1e-4, 0.5, SecondMomentSource.Curvature), adaHessian.Links[0]);
        Assert.Equal(adam.Links[1], adaHessian.Links[1]);
        Assert.True(adaHessian.UsesCurvature);
        Assert.False(adam.UsesCurvature);
    }

    [Fact]
    public void A_step_allocates_nothing_once_warm()
    {
        Optimizer adaHessian = Optimizer.AdaHessian();
        var layout = ParameterLayout.Neuron(40);
        OptimizerState state = adaHessian.Init(layout);
        double[] theta = new double[41], g = TestData.Vector(41, 3), d = TestData.Vector(41, 4).Select(Math.Abs).ToArray();
        adaHessian.Step(g, d, state, theta);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 100; t++)
        {
            adaHessian.Step(g, d, state, theta);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private sealed class StepSchedule : ILearningRateSchedule
    {
        public List<long> Asked { get; } = [];

        public double RateAt(long step)
        {
            Asked.Add(step);
            return 0.1 * step;
        }
    }
}
