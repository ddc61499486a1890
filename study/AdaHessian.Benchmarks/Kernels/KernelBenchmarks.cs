using AdaHessian.Curvature;
using AdaHessian.Datasets;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using BenchmarkDotNet.Attributes;

namespace AdaHessian.Benchmarks.Kernels;

/// <summary>The data layout of a kernel benchmark.</summary>
public enum Layout
{
    /// <summary>Row-major float rows.</summary>
    Dense,

    /// <summary>CSR float rows.</summary>
    Sparse,
}

/// <summary>
/// One pass of each kind over the same rows, plus one optimizer update, so ratios to loss+gradient come from one run.
/// "Full" batches are much larger than the caches (their feature bytes are reported); "256" is one shuffled
/// mini-batch, the trainers' default.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    /// <summary>Dense rows × columns of the full batch.</summary>
    public static (int Rows, int Columns) DenseShape { get; set; } = (40_000, 784);

    /// <summary>Sparse rows × columns × non-zeros per row of the full batch.</summary>
    public static (int Rows, int Columns, int PerRow) SparseShape { get; set; } = (1_000_000, 10_000, 10);

    private static readonly Dictionary<Layout, LabelledMatrix> Cache = [];

    /// <summary>The reduced shapes of <c>--quick</c> runs.</summary>
    public static void UseQuickShapes()
    {
        DenseShape = (8_000, 784);
        SparseShape = (200_000, 10_000, 10);
    }

    private LogisticObjective _objective = null!;
    private ReadOnlyMemory<int> _batch;
    private double[] _theta = null!;
    private double[] _gradient = null!;
    private double[] _probes = null!;
    private double[] _products = null!;
    private double[] _diagonal = null!;
    private double[] _stepParameters = null!;
    private Optimizer _adam = null!;
    private Optimizer _adaHessian = null!;
    private CurvatureEstimator _curvature = null!;
    private OptimizerState _adamState = null!;
    private OptimizerState _adaHessianState = null!;

    [Params(Layout.Dense, Layout.Sparse)]
    public Layout Layout { get; set; }

    [Params("256", "Full")]
    public string Batch { get; set; } = "Full";

    /// <summary>Feature bytes one pass over the batch reads (values, plus indices for CSR).</summary>
    public static long BatchFeatureBytes(Layout layout, string batch)
    {
        LabelledMatrix data = Data(layout);
        int rows = batch == "Full" ? data.Rows : int.Parse(batch, System.Globalization.CultureInfo.InvariantCulture);
        return data.IsSparse ? data.FeatureBytes * rows / data.Rows : (long)rows * data.Columns * 4;
    }

    internal static LabelledMatrix Data(Layout layout)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(layout, out LabelledMatrix? data))
            {
                data = layout == Layout.Dense
                    ? SyntheticGaussian.Dense(DenseShape.Rows, DenseShape.Columns, seed: 11)
                    : SyntheticGaussian.Sparse(SparseShape.Rows, SparseShape.Columns, SparseShape.PerRow, seed: 12);
                Cache[layout] = data;
            }

            return data;
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        LabelledMatrix data = Data(Layout);
        _objective = new LogisticObjective(data.ToDataset(), LossKind.LogLoss, l2Regularization: 1);
        int p = _objective.ParameterCount;
        _batch = BenchmarkBatch.Rows(_objective, Batch);
        _theta = BenchmarkBatch.Start(p);
        _gradient = new double[p];
        _probes = new double[p];
        for (int j = 0; j < p; j++)
        {
            _probes[j] = (j * 2654435761u & 1) == 0 ? 1 : -1;
        }

        _products = new double[p];
        _diagonal = new double[p];
        _stepParameters = (double[])_theta.Clone();
        _adam = Optimizer.Adam(new AdamOptions { LearningRate = 1e-3 });
        _adaHessian = Optimizer.AdaHessian();
        _curvature = new CurvatureEstimator(new CurvatureOptions(), _objective.Layout, seed: 3);
        _adamState = _adam.Init(_objective.Layout);
        _adaHessianState = _adaHessian.Init(_objective.Layout);
    }

    [Benchmark(Baseline = true, Description = "loss+gradient")]
    public double LossGradient() => _objective.Evaluate(_batch, _theta, _gradient);

    [Benchmark(Description = "loss+gradient+Hz")]
    public double LossGradientHz() => _objective.EvaluateWithHessianProducts(_batch, _theta, _gradient, _probes, _products);

    [Benchmark(Description = "loss+gradient+diag")]
    public double LossGradientDiagonal() => _objective.EvaluateWithExactDiagonal(_batch, _theta, _gradient, _diagonal);

    [Benchmark(Description = "Adam update")]
    public void AdamUpdate() => _adam.Step(_gradient, default, _adamState, _stepParameters);

    [Benchmark(Description = "AdaHessian update")]
    public void AdaHessianUpdate() =>
        _adaHessian.Step(_gradient, _diagonal, _adaHessianState, _stepParameters);

    /// <summary>What the training loop does per Adam step: loss+gradient, then the update.</summary>
    [Benchmark(Description = "Adam step")]
    public void AdamStep()
    {
        _objective.Evaluate(_batch, _theta, _gradient);
        _adam.Step(_gradient, default, _adamState, _stepParameters);
    }

    /// <summary>What the training loop does per AdaHessian step: Rademacher probe, fused pass with Hz, |z⊙Hz|, update.</summary>
    [Benchmark(Description = "AdaHessian step")]
    public void AdaHessianStep()
    {
        _curvature.EvaluateAndRefresh(_objective, _batch, _theta, _gradient);
        _adaHessian.Step(_gradient, _curvature.Diagonal, _adaHessianState, _stepParameters);
    }
}
