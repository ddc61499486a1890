using AdaHessian.Curvature;
using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Tests.TestSupport;
using AdaHessian.Training;

namespace AdaHessian.Tests.Training;

/// <summary>The training loop, the curvature estimator and the optimizer on a layout of several blocks.</summary>
public class SoftmaxTrainingTests
{
    // Three noisy clusters around the corners of a triangle: separable-ish, so the loss can fall far below ln 3.
    private static MulticlassDataset Clusters(int rows, int seed)
    {
        double[][] centres = [[2, 0], [-1, 1.7], [-1, -1.7]];
        var random = new Random(seed);
        var features = new float[rows * 2];
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int y = i % 3;
            labels[i] = y;
            features[2 * i] = (float)(centres[y][0] + 0.8 * (2 * random.NextDouble() - 1));
            features[2 * i + 1] = (float)(centres[y][1] + 0.8 * (2 * random.NextDouble() - 1));
        }

        return new MulticlassDataset(FeatureMatrix.Dense(rows, 2, features), labels, classCount: 3);
    }

    [Theory]
    [InlineData(CurvatureKind.ExactDiagonal)]
    [InlineData(CurvatureKind.Hutchinson)]
    public void AdaHessian_on_a_softmax_layer_trains_three_classes_below_the_start(CurvatureKind curvature)
    {
        var objective = new SoftmaxObjective(Clusters(rows: 90, seed: 1), l2Regularization: 0.1);
        double start = objective.Value(objective.AllRows, new double[objective.ParameterCount]);
        Assert.Equal(Math.Log(3), start, 14);

        TrainingResult result = TrainingLoop.Run(objective, Optimizer.AdaHessian(),
            new TrainingOptions { NumberOfEpochs = 30, BatchSize = 16, Seed = 2, Curvature = new CurvatureOptions(curvature) });

        Assert.Equal(objective.ParameterCount, result.Parameters.Length);
        Assert.Equal(objective.Value(objective.AllRows, result.Parameters), result.Objective, 14);
        Assert.True(result.Objective < 0.5 * start, $"objective {result.Objective} after training, ln 3 = {start} at θ = 0");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)] // wider than a class's 5 weights: one mean per class, never across classes or into a bias
    public void Spatial_averaging_of_the_softmax_diagonal_stays_within_each_class_block(int blockSize)
    {
        MulticlassProblem problem = MulticlassProblem.Random(rows: 30, columns: 5, classCount: 3, seed: 41);
        var objective = new SoftmaxObjective(problem.Dataset(sparse: false), 0.01);
        ParameterLayout layout = objective.Layout;
        int p = objective.ParameterCount;
        double[] theta = TestData.Vector(p, 42, -1, 1);
        int[] batch = TestData.Subset(problem.Rows, 20, 43);
        var exact = new double[p];
        objective.EvaluateWithExactDiagonal(batch, theta, new double[p], exact);

        var estimator = new CurvatureEstimator(new CurvatureOptions(CurvatureKind.ExactDiagonal, SpatialAverageBlockSize: blockSize),
            layout, seed: 0);
        estimator.EvaluateAndRefresh(objective, batch, theta, new double[p]);

        var expected = new double[p];
        for (int k = 0; k < layout.Blocks; k++)
        {
            int s = layout.BlockStart(k);
            for (int start = 0; start < layout.WeightsPerBlock; start += blockSize)
            {
                int length = Math.Min(blockSize, layout.WeightsPerBlock - start);
                double mean = exact.AsSpan(s + start, length).ToArray().Select(Math.Abs).Sum() / length;
                expected.AsSpan(s + start, length).Fill(mean);
            }

            expected[s + layout.WeightsPerBlock] = Math.Abs(exact[s + layout.WeightsPerBlock]);
        }

        Approx.Relative(expected, estimator.Diagonal, 1e-14, "D");
    }

    [Fact]
    public void Weight_decay_on_the_softmax_layout_leaves_every_class_bias_alone()
    {
        MulticlassProblem problem = MulticlassProblem.Random(rows: 10, columns: 3, classCount: 4, seed: 7);
        ParameterLayout layout = new SoftmaxObjective(problem.Dataset(sparse: false)).Layout;
        Optimizer optimizer = Optimizer.AdaHessian(new AdaHessianOptions { WeightDecay = 0.5 });
        double[] theta = TestData.Vector(layout.ParameterCount, 8, -1, 1);
        double[] before = (double[])theta.Clone();

        // A zero gradient and curvature leave only the decay: θ ← θ − η·λ_wd·θ on weights, biases untouched.
        optimizer.Step(new double[layout.ParameterCount], new double[layout.ParameterCount], optimizer.Init(layout), theta);

        for (int j = 0; j < theta.Length; j++)
        {
            bool bias = j % layout.BlockLength == layout.WeightsPerBlock;
            Assert.Equal(bias ? before[j] : before[j] - 0.15 * 0.5 * before[j], theta[j], 15);
        }
    }
}
