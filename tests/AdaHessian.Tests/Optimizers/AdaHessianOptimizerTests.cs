using AdaHessian.Curvature;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Optimizers;

public class AdaHessianOptimizerTests
{
    private const double Eps = 1e-4;

    // Gradients and curvature D for (weight, bias) at steps 1, 2, 3.
    private static readonly double[][] Gradients = [[2, -1], [4, 0], [-2, 3]];
    private static readonly double[][] Curvatures = [[1, 0.5], [3, 0.5], [2, 0.5]];

    private static Optimizer Create(double k = 1, double weightDecay = 0) => Optimizer.AdaHessian(new AdaHessianOptions
    {
        LearningRate = 0.1, Beta1 = 0.5, Beta2 = 0.5, Epsilon = Eps, HessianPower = k, WeightDecay = weightDecay,
    });

    private static double[] Run(Optimizer optimizer, double[] theta, double[][] curvatures, int steps = 3)
    {
        OptimizerState state = optimizer.Init(ParameterLayout.Neuron(theta.Length - 1));
        for (int t = 0; t < steps; t++)
        {
            optimizer.Step(Gradients[t], curvatures[t], state, theta);
        }

        Assert.Equal(steps, state.Step);
        return theta;
    }

    [Fact]
    public void Three_steps_match_the_equations_worked_by_hand()
    {
        // β₁ = β₂ = ½, η = 0.1, k = 1. Bias corrections ½, ¾, ⅞. m̂ as for Adam (weight 2, 10/3, 2/7; bias −1, −1/3, 11/7).
        // weight, D = 1, 3, 2:  v = ½, ¼ + 9/2 = 19/4, 19/8 + 2 = 35/8  →  v̂ = 1, 19/3, 5
        //   θ_w = 1 − 0.1[2/(1 + ε) + (10/3)/(√(19/3) + ε) + (2/7)/(√5 + ε)]
        // bias, D = ½ every step: v = ⅛, 3/16, 7/32 → v̂ = ¼ each time, √v̂ = ½
        //   θ_b = −½ − 0.1[−1/(½ + ε) − (1/3)/(½ + ε) + (11/7)/(½ + ε)]
        double[] theta = Run(Create(), [1.0, -0.5], Curvatures);

        double w = 1 - 0.1 * (2 / (1 + Eps) + 10.0 / 3 / (Math.Sqrt(19.0 / 3) + Eps) + 2.0 / 7 / (Math.Sqrt(5) + Eps));
        double b = -0.5 - 0.1 * (-1 / (0.5 + Eps) - 1.0 / 3 / (0.5 + Eps) + 11.0 / 7 / (0.5 + Eps));
        Approx.Equal([w, b], theta, 1e-15, "θ₃");
    }

    [Fact]
    public void Hessian_power_applies_to_the_root_mean_square_before_epsilon()
    {
        // k = ½, one step: v̂ = D², denominator = (√v̂)^½ + ε = √|D| + ε; m̂ = g.
        double[] theta = Run(Create(k: 0.5), [1.0, -0.5], Curvatures, steps: 1);
        Approx.Equal([1 - 0.1 * 2 / (1 + Eps), -0.5 - 0.1 * (-1 / (Math.Sqrt(0.5) + Eps))], theta, 1e-15, "k=½");

        // k = 0.3, one step: denominator = |D|^0.3 + ε.
        theta = Run(Create(k: 0.3), [1.0, -0.5], Curvatures, steps: 1);
        Approx.Equal([1 - 0.1 * 2 / (1 + Eps), -0.5 - 0.1 * (-1 / (Math.Pow(0.5, 0.3) + Eps))], theta, 1e-15, "k=0.3");
    }

    [Fact]
    public void Power_zero_is_bias_corrected_momentum_SGD_with_step_eta_over_one_plus_epsilon()
    {
        // k = 0: denominator = 1 + ε whatever D is, so θ_t = θ_{t−1} − η·m̂_t/(1 + ε).
        double[][] wildCurvatures = [[0, 1e12], [5e-9, 3], [1e30, 0]];
        double[] theta = Run(Create(k: 0), [1.0, -0.5], wildCurvatures);

        double w = 1 - 0.1 / (1 + Eps) * (2 + 10.0 / 3 + 2.0 / 7);
        double b = -0.5 - 0.1 / (1 + Eps) * (-1 - 1.0 / 3 + 11.0 / 7);
        Approx.Equal([w, b], theta, 1e-15, "θ₃");
        Approx.Bitwise(theta, Run(Create(k: 0), [1.0, -0.5], Curvatures), "θ does not depend on D");
    }

    [Fact]
    public void Weight_decay_touches_the_weights_but_not_the_bias()
    {
        double[] theta = Run(Create(weightDecay: 0.2), [1.0, -0.5], Curvatures);

        double w = 1.0;
        w -= 0.1 * (2 / (1 + Eps) + 0.2 * w);
        w -= 0.1 * (10.0 / 3 / (Math.Sqrt(19.0 / 3) + Eps) + 0.2 * w);
        w -= 0.1 * (2.0 / 7 / (Math.Sqrt(5) + Eps) + 0.2 * w);
        double b = -0.5 - 0.1 * (-1 / (0.5 + Eps) - 1.0 / 3 / (0.5 + Eps) + 11.0 / 7 / (0.5 + Eps));
        Approx.Equal([w, b], theta, 1e-15, "θ₃");
    }

    [Fact]
    public void Fed_the_absolute_gradient_as_curvature_it_is_exactly_Adam()
    {
        // "RMS match": with D = |g| and k = 1, v is the EMA of g² as in Adam, so the two must agree bit for bit.
        var random = new Random(5);
        const int p = 6;
        const double eta = 0.02, beta1 = 0.8, beta2 = 0.95, eps = 1e-6, decay = 0.01;
        var adaHessian = Optimizer.AdaHessian(new AdaHessianOptions
        {
            LearningRate = eta, Beta1 = beta1, Beta2 = beta2, Epsilon = eps, HessianPower = 1, WeightDecay = decay,
        });
        var adam = Optimizer.Adam(new AdamOptions { LearningRate = eta, Beta1 = beta1, Beta2 = beta2, Epsilon = eps, WeightDecay = decay });
        double[] a = TestData.Vector(p, 6);
        double[] b = (double[])a.Clone();
        OptimizerState sa = adaHessian.Init(ParameterLayout.Neuron(p - 1)), sb = adam.Init(ParameterLayout.Neuron(p - 1));
        for (int t = 0; t < 25; t++)
        {
            double[] g = Enumerable.Range(0, p).Select(_ => 4 * random.NextDouble() - 2).ToArray();
            double[] abs = g.Select(Math.Abs).ToArray();
            adaHessian.Step(g, abs, sa, a);
            adam.Step(g, default, sb, b);
        }

        Approx.Bitwise(b, a, "θ");
        Approx.Bitwise(((MomentState)sb.LinkStates[0]).V, ((MomentState)sa.LinkStates[0]).V, "v");
        Assert.NotEqual(TestData.Vector(p, 6), a); // it moved
    }

    [Fact]
    public void Defaults_are_the_official_implementations()
    {
        var o = new AdaHessianOptions();
        Assert.Equal((0.15, 0.9, 0.999, 1e-4, 1.0, 0.0), (o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, o.HessianPower, o.WeightDecay));
        Assert.Equal(new CurvatureOptions(CurvatureKind.Hutchinson, 1, 1, 1), new CurvatureOptions());
        Assert.Equal("AdaHessian (k=1)", Optimizer.AdaHessian().Name);
        Assert.Equal("AdaHessian (k=0.5)", Optimizer.AdaHessian(new AdaHessianOptions { HessianPower = 0.5 }).Name);
        Assert.True(Optimizer.AdaHessian().UsesCurvature);
    }

    public static TheoryData<AdaHessianOptions, string> Invalid => new()
    {
        { new AdaHessianOptions { LearningRate = 0 }, "LearningRate" },
        { new AdaHessianOptions { LearningRate = -0.1 }, "LearningRate" },
        { new AdaHessianOptions { LearningRate = double.PositiveInfinity }, "LearningRate" },
        { new AdaHessianOptions { Beta1 = -1e-9 }, "Beta1" },
        { new AdaHessianOptions { Beta1 = 1 }, "Beta1" },
        { new AdaHessianOptions { Beta2 = 1 }, "Beta2" },
        { new AdaHessianOptions { Beta2 = -0.5 }, "Beta2" },
        { new AdaHessianOptions { Epsilon = 0 }, "Epsilon" },
        { new AdaHessianOptions { Epsilon = double.NaN }, "Epsilon" },
        { new AdaHessianOptions { HessianPower = -0.01 }, "HessianPower" },
        { new AdaHessianOptions { HessianPower = 1.01 }, "HessianPower" },
        { new AdaHessianOptions { HessianPower = double.NaN }, "HessianPower" },
        { new AdaHessianOptions { WeightDecay = -1 }, "WeightDecay" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_options_are_rejected_naming_the_option(AdaHessianOptions options, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.AdaHessian(options)).ParamName);
    }

    [Fact]
    public void Boundary_values_are_accepted()
    {
        _ = Optimizer.AdaHessian(new AdaHessianOptions { Beta1 = 0, Beta2 = 0, HessianPower = 0 });
        _ = Optimizer.AdaHessian(new AdaHessianOptions { HessianPower = 1, WeightDecay = 0 });
    }
}
