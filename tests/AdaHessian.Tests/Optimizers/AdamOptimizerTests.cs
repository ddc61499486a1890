using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Optimizers;

public class AdamOptimizerTests
{
    private const double Eps = 1e-8;

    // Gradients for (weight, bias) at steps 1, 2, 3.
    private static readonly double[][] Gradients = [[2, -1], [4, 0], [-2, 3]];

    private static (double[] Theta, OptimizerState State) Run(Optimizer optimizer, double[] theta, int steps = 3)
    {
        OptimizerState state = optimizer.Init(ParameterLayout.Neuron(theta.Length - 1));
        for (int t = 0; t < steps; t++)
        {
            optimizer.Step(Gradients[t], default, state, theta);
        }

        return (theta, state);
    }

    [Fact]
    public void Three_steps_match_the_equations_worked_by_hand()
    {
        // β₁ = β₂ = ½, η = 0.1. Bias corrections 1 − ½ᵗ = ½, ¾, ⅞.
        // weight, g = 2, 4, −2:
        //   t=1: m = 1,    v = ½·4 = 2,        m̂ = 2,    v̂ = 4       → u = 2/(2 + ε)
        //   t=2: m = 2.5,  v = 1 + ½·16 = 9,    m̂ = 10/3, v̂ = 12      → u = (10/3)/(√12 + ε)
        //   t=3: m = ¼,    v = 4.5 + 2 = 6.5,   m̂ = 2/7,  v̂ = 52/7    → u = (2/7)/(√(52/7) + ε)
        // bias, g = −1, 0, 3:
        //   t=1: m = −½,   v = ½,               m̂ = −1,   v̂ = 1       → u = −1/(1 + ε)
        //   t=2: m = −¼,   v = ¼,               m̂ = −1/3, v̂ = 1/3     → u = (−1/3)/(√(1/3) + ε)
        //   t=3: m = 11/8, v = ⅛ + 4.5 = 37/8,  m̂ = 11/7, v̂ = 37/7    → u = (11/7)/(√(37/7) + ε)
        var adam = Optimizer.Adam(new AdamOptions { LearningRate = 0.1, Beta1 = 0.5, Beta2 = 0.5, Epsilon = Eps });

        (double[] theta, OptimizerState state) = Run(adam, [1.0, -0.5]);
        var moments = (MomentState)state.LinkStates[0];

        double w = 1 - 0.1 * (2 / (2 + Eps) + 10.0 / 3 / (Math.Sqrt(12) + Eps) + 2.0 / 7 / (Math.Sqrt(52.0 / 7) + Eps));
        double b = -0.5 - 0.1 * (-1 / (1 + Eps) - 1.0 / 3 / (Math.Sqrt(1.0 / 3) + Eps) + 11.0 / 7 / (Math.Sqrt(37.0 / 7) + Eps));
        Approx.Equal([w, b], theta, 1e-15, "θ₃");
        Assert.Equal(3, state.Step);
        Approx.Equal([0.25, 11.0 / 8], moments.M, 1e-15, "m");
        Approx.Equal([6.5, 37.0 / 8], moments.V, 1e-15, "v");
    }

    [Fact]
    public void AdamW_decays_the_weights_but_not_the_bias()
    {
        // Same gradients, λ_wd = 0.2: θ ← θ − η(u + λ_wd·θ) on the weight only, the bias moves exactly as in Adam.
        var adamW = Optimizer.Adam(new AdamOptions { LearningRate = 0.1, Beta1 = 0.5, Beta2 = 0.5, Epsilon = Eps, WeightDecay = 0.2 });

        (double[] theta, _) = Run(adamW, [1.0, -0.5]);

        double w = 1.0;
        w -= 0.1 * (2 / (2 + Eps) + 0.2 * w);
        w -= 0.1 * (10.0 / 3 / (Math.Sqrt(12) + Eps) + 0.2 * w);
        w -= 0.1 * (2.0 / 7 / (Math.Sqrt(52.0 / 7) + Eps) + 0.2 * w);
        double b = -0.5 - 0.1 * (-1 / (1 + Eps) - 1.0 / 3 / (Math.Sqrt(1.0 / 3) + Eps) + 11.0 / 7 / (Math.Sqrt(37.0 / 7) + Eps));
        Approx.Equal([w, b], theta, 1e-15, "θ₃");
        Assert.Equal("AdamW", adamW.Name);
    }

    [Fact]
    public void With_zero_gradient_weight_decay_alone_shrinks_the_weights_geometrically()
    {
        var adamW = Optimizer.Adam(new AdamOptions { LearningRate = 0.05, WeightDecay = 0.5 });
        double[] theta = [2.0, -4.0, 7.0];
        OptimizerState state = adamW.Init(ParameterLayout.Neuron(2));
        for (int t = 0; t < 4; t++)
        {
            adamW.Step(new double[3], default, state, theta);
        }

        // m = 0 so the Adam part is 0/(0 + ε) = 0; each step multiplies a weight by 1 − ηλ = 0.975.
        double f = Math.Pow(0.975, 4);
        Approx.Equal([2 * f, -4 * f, 7.0], theta, 1e-15, "θ");
    }

    [Fact]
    public void Defaults_are_PyTorchs_but_the_learning_rate_which_is_AdamTrainers()
    {
        var o = new AdamOptions();
        Assert.Equal((0.05, 0.9, 0.999, 1e-8, 0.0), (o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, o.WeightDecay));
        var adam = Optimizer.Adam();
        Assert.Equal("Adam", adam.Name);
        Assert.False(adam.UsesCurvature);
        Assert.Equal(0.05, adam.LearningRate);
    }

    public static TheoryData<AdamOptions, string> Invalid => new()
    {
        { new AdamOptions { LearningRate = 0 }, "LearningRate" },
        { new AdamOptions { LearningRate = -1 }, "LearningRate" },
        { new AdamOptions { LearningRate = double.NaN }, "LearningRate" },
        { new AdamOptions { LearningRate = double.PositiveInfinity }, "LearningRate" },
        { new AdamOptions { Beta1 = -0.1 }, "Beta1" },
        { new AdamOptions { Beta1 = 1 }, "Beta1" },
        { new AdamOptions { Beta2 = 1 }, "Beta2" },
        { new AdamOptions { Beta2 = double.NaN }, "Beta2" },
        { new AdamOptions { Epsilon = 0 }, "Epsilon" },
        { new AdamOptions { Epsilon = -1e-8 }, "Epsilon" },
        { new AdamOptions { WeightDecay = -0.1 }, "WeightDecay" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_options_are_rejected_naming_the_option(AdamOptions options, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.Adam(options)).ParamName);
    }

    [Fact]
    public void Boundary_values_are_accepted()
    {
        _ = Optimizer.Adam(new AdamOptions { Beta1 = 0, Beta2 = 0, WeightDecay = 0, LearningRate = 1e-300, Epsilon = 1e-300 });
    }
}
