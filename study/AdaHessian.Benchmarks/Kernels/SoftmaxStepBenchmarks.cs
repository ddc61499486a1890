using AdaHessian.Benchmarks.Data;
using AdaHessian.Curvature;
using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using BenchmarkDotNet.Attributes;

namespace AdaHessian.Benchmarks.Kernels;

/// <summary>The data of a softmax step benchmark.</summary>
public enum SoftmaxShape
{
    /// <summary>Fashion-MNIST-shaped: dense rows of 784 features, 10 classes.</summary>
    Dense,

    /// <summary>CSR rows, 5,000 features with 10 non-zeros per row, 100 classes.</summary>
    Sparse,
}

/// <summary>
/// One training step of the softmax layer as the trainers take it, on the same batch: Adam (loss+gradient pass, then
/// the update) against AdaHessian (one fused pass that also gives the exact diagonal or Hz for a Rademacher probe, then
/// the update), so the AdaHessian/Adam ratio comes from one run. "Full" is every row; "256" one shuffled mini-batch.
/// </summary>
[MemoryDiagnoser]
public class SoftmaxStepBenchmarks
{
    /// <summary>The Adam step's name, the baseline of the ratios.</summary>
    public const string AdamStep = "softmax Adam step";

    /// <summary>The AdaHessian step at the trainers' default curvature (exact diagonal).</summary>
    public const string AdaHessianStep = "softmax AdaHessian step";

    /// <summary>The AdaHessian step with Hutchinson's estimate (one probe).</summary>
    public const string HutchinsonStep = "softmax AdaHessian step (Hutchinson)";

    private static readonly Dictionary<SoftmaxShape, MulticlassDataset> Cache = [];

    /// <summary>Dense rows × columns × classes.</summary>
    public static (int Rows, int Columns, int Classes) DenseShape { get; set; } = (60_000, 784, 10);

    /// <summary>Sparse rows × columns × non-zeros per row × classes.</summary>
    public static (int Rows, int Columns, int PerRow, int Classes) SparseShape { get; set; } = (100_000, 5_000, 10, 100);

    private SoftmaxObjective _objective = null!;
    private ReadOnlyMemory<int> _batch;
    private double[] _theta = null!, _gradient = null!, _stepParameters = null!;
    private Optimizer _adam = null!, _adaHessian = null!;
    private OptimizerState _adamState = null!, _adaHessianState = null!, _hutchinsonState = null!;
    private CurvatureEstimator _exact = null!, _hutchinson = null!;

    [Params(SoftmaxShape.Dense, SoftmaxShape.Sparse)]
    public SoftmaxShape Shape { get; set; }

    [Params("256", "Full")]
    public string Batch { get; set; } = "Full";

    /// <summary>The reduced shapes of <c>--quick</c> runs.</summary>
    public static void UseQuickShapes()
    {
        DenseShape = (8_000, 784, 10);
        SparseShape = (20_000, 5_000, 10, 100);
    }

    internal static MulticlassDataset Data(SoftmaxShape shape)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(shape, out MulticlassDataset? data))
            {
                data = shape == SoftmaxShape.Dense
                    ? SyntheticMulticlass.Dense(DenseShape.Rows, DenseShape.Columns, DenseShape.Classes, seed: 41)
                    : SyntheticMulticlass.Sparse(SparseShape.Rows, SparseShape.Columns, SparseShape.PerRow, SparseShape.Classes, seed: 42);
                Cache[shape] = data;
            }

            return data;
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        MulticlassDataset data = Data(Shape);
        _objective = new SoftmaxObjective(data, l2Regularization: 1);
        int p = _objective.ParameterCount;
        _batch = BenchmarkBatch.Rows(_objective, Batch);
        _theta = BenchmarkBatch.Start(p);
        _gradient = new double[p];
        _stepParameters = (double[])_theta.Clone();
        _adam = Optimizer.Adam(new AdamOptions { LearningRate = 1e-3 });
        _adaHessian = Optimizer.AdaHessian();
        _exact = new CurvatureEstimator(new CurvatureOptions(CurvatureKind.ExactDiagonal), _objective.Layout, seed: 3);
        _hutchinson = new CurvatureEstimator(new CurvatureOptions(CurvatureKind.Hutchinson), _objective.Layout, seed: 3);
        _adamState = _adam.Init(_objective.Layout);
        _adaHessianState = _adaHessian.Init(_objective.Layout);
        _hutchinsonState = _adaHessian.Init(_objective.Layout);
    }

    [Benchmark(Baseline = true, Description = AdamStep)]
    public void Adam()
    {
        _objective.Evaluate(_batch, _theta, _gradient);
        _adam.Step(_gradient, default, _adamState, _stepParameters);
    }

    [Benchmark(Description = AdaHessianStep)]
    public void AdaHessian()
    {
        _exact.EvaluateAndRefresh(_objective, _batch, _theta, _gradient);
        _adaHessian.Step(_gradient, _exact.Diagonal, _adaHessianState, _stepParameters);
    }

    [Benchmark(Description = HutchinsonStep)]
    public void Hutchinson()
    {
        _hutchinson.EvaluateAndRefresh(_objective, _batch, _theta, _gradient);
        _adaHessian.Step(_gradient, _hutchinson.Diagonal, _hutchinsonState, _stepParameters);
    }
}
