using AdaHessian.Data;
using AdaHessian.Objective;
using AdaHessian.Regularization;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Regularization;

public class L2SearchTests
{
    private static readonly L2SearchOptions Options = new() { Folds = 3, Seed = 11, Minimum = 1e-3, Maximum = 1e2 };

    [Fact]
    public void CrossValidationScoresEveryStrengthAsBruteForceNewtonFitsDo()
    {
        TestProblem problem = TestData.Random(90, 4, seed: 3, zeroFraction: 0.2);
        int[] classes = Classes(problem);
        L2Choice choice = Choose(problem, L2Method.CrossValidation, Options with { Tolerance = 1e-14 });

        int[] fold = StratifiedFolds.Assign(classes, 3, Options.Seed);
        foreach (L2Candidate candidate in choice.Candidates)
        {
            double sum = 0, weight = 0;
            for (int k = 0; k < 3; k++)
            {
                (int[] train, int[] heldOut) = StratifiedFolds.Split(fold, k);
                double[] theta = Newton.Minimise(Subset(problem, train), candidate.L2Regularization);
                double heldOutWeight = heldOut.Sum(problem.Weight);
                sum += heldOutWeight * Reference.Value(problem, LossKind.LogLoss, 0, heldOut, theta);
                weight += heldOutWeight;
            }

            Approx.Equal(sum / weight, candidate.Score, 1e-7, $"held-out loss at λ = {candidate.L2Regularization}");
        }

        double bestOnGrid = choice.Candidates.Min(c => c.Score);
        Assert.Equal(bestOnGrid, choice.Candidates.Single(c => c.L2Regularization == choice.L2Regularization).Score);
        Assert.Equal(3, choice.Folds);
    }

    [Fact]
    public void ThePathStopsPastTheBestAndRefinesInsideTheGrid()
    {
        TestProblem problem = TestData.Random(120, 5, seed: 8, zeroFraction: 0.1);
        L2Choice choice = Choose(problem, L2Method.CrossValidation, Options);
        double[] grid = Options.Grid();
        var onGrid = choice.Candidates.Where(c => grid.Contains(c.L2Regularization)).ToList();
        int best = onGrid.IndexOf(onGrid.MinBy(c => c.Score));
        // The path ends at the grid's end, one point past the best, or right after a point 2 % worse than the best.
        bool risen = onGrid[^1].Score > onGrid[best].Score * 1.02 && onGrid.Skip(best + 1).SkipLast(1).All(c => c.Score <= onGrid[best].Score * 1.02);
        Assert.True(onGrid.Count == grid.Length || onGrid.Count == best + 2 || risen, $"{onGrid.Count} grid points, best at {best}");
        Assert.Equal(onGrid.Select(c => c.L2Regularization), grid.Take(onGrid.Count));
        if (best > 0 && best < onGrid.Count - 1)
        {
            L2Candidate refined = Assert.Single(choice.Candidates.Except(onGrid));
            Assert.InRange(refined.L2Regularization, grid[best + 1], grid[best - 1]);
        }
    }

    [Fact]
    public void TheEvidenceEndsAtMacKaysFixedPointComputedWithTheExactHessian()
    {
        TestProblem problem = TestData.Random(200, 6, seed: 5, zeroFraction: 0.1, weighted: false);
        L2Choice choice = Choose(problem, L2Method.Evidence, Options with { Probes = 64 });
        double lambda = choice.L2Regularization;

        // γ = d − λ tr((H_data + λP)⁻¹ P) from the full Hessian, at the exact MAP fit for λ.
        double[] theta = Newton.Minimise(problem, lambda);
        int rows = problem.Rows, d = problem.Columns;
        double[,] h = Reference.Hessian(problem, LossKind.LogLoss, lambda, Enumerable.Range(0, rows).ToArray(), theta);
        double omega = problem.TotalWeight;
        double trace = 0;
        for (int j = 0; j < d; j++)
        {
            var unit = new double[d + 1];
            unit[j] = 1;
            trace += Solve(h, unit)[j] / omega; // H = (H_data + λP)/Ω
        }

        double gamma = d - lambda * trace;
        double squares = theta.Take(d).Sum(w => w * w);
        double next = gamma / squares;
        Assert.InRange(Math.Abs(Math.Log(next / lambda)), 0, 0.1);
        Assert.Equal(L2Method.Evidence, choice.Method);
        Assert.Null(choice.Warning);
    }

    [Fact]
    public void OneClassFallsBackToMlNetsDefaultAndSaysWhy()
    {
        TestProblem problem = TestData.Random(30, 3, seed: 1);
        Array.Fill(problem.Labels, 1f);
        L2Choice choice = Choose(problem, L2Method.CrossValidation, Options);
        Assert.Equal(L2Search.Fallback, choice.L2Regularization);
        Assert.Contains("one class", choice.Warning);
        Assert.Empty(choice.Candidates);
    }

    [Fact]
    public void AClassOfOneRowChoosesByTheEvidence()
    {
        TestProblem problem = TestData.Random(40, 3, seed: 2, weighted: false);
        Array.Fill(problem.Labels, 0f);
        problem.Labels[17] = 1f;
        L2Choice choice = Choose(problem, L2Method.CrossValidation, Options);
        Assert.Equal(L2Method.Evidence, choice.Method);
        Assert.Contains("a class has one row", choice.Warning);
        Assert.InRange(choice.L2Regularization, Options.Minimum, Options.Maximum);
    }

    [Fact]
    public void AClassOfFewerRowsThanFoldsIsStillCrossValidated()
    {
        // Two rows of class 1 and three folds: the rows are dealt to two different folds, so every fold trains on one.
        TestProblem problem = TestData.Random(40, 3, seed: 2, weighted: false);
        Array.Fill(problem.Labels, 0f);
        problem.Labels[5] = 1f;
        problem.Labels[17] = 1f;
        L2Choice choice = Choose(problem, L2Method.CrossValidation, Options);
        Assert.Equal(L2Method.CrossValidation, choice.Method);
        Assert.Equal(3, choice.Folds);
        Assert.DoesNotContain("evidence", choice.Warning ?? "");
        Assert.All(choice.Candidates, c => Assert.True(double.IsFinite(c.Score) && c.Score > 0, $"λ {c.L2Regularization}: score {c.Score}"));
    }

    [Fact]
    public void SeparableDataEndsAtTheSmallestStrengthWithAWarning()
    {
        var features = new float[60];
        var labels = new float[60];
        for (int i = 0; i < 60; i++)
        {
            features[i] = i < 30 ? -1 - i * 0.1f : 1 + (i - 30) * 0.1f;
            labels[i] = i < 30 ? 0 : 1;
        }

        var problem = new TestProblem { Rows = 60, Columns = 1, Features = features, Labels = labels };
        L2Choice choice = Choose(problem, L2Method.CrossValidation, Options);
        Assert.Equal(Options.Minimum, choice.L2Regularization);
        Assert.Contains("separable", choice.Warning);
    }

    [Fact]
    public void AValidationSetScoresThePathFittedOnAllTrainingRows()
    {
        TestProblem train = TestData.Random(80, 4, seed: 21, weighted: false);
        TestProblem validation = TestData.Random(60, 4, seed: 22, weighted: false);
        var objective = new LogisticObjective(train.Dataset(sparse: false), LossKind.LogLoss);
        var scorer = new LogisticObjective(validation.Dataset(sparse: false), LossKind.LogLoss);
        L2Choice choice = L2Search.Choose(objective, Classes(train), train.Weights, L2Method.ValidationSet,
            Options with { Tolerance = 1e-14 }, validation: scorer);
        foreach (L2Candidate candidate in choice.Candidates)
        {
            double[] theta = Newton.Minimise(train, candidate.L2Regularization);
            int[] all = Enumerable.Range(0, validation.Rows).ToArray();
            Approx.Equal(Reference.Value(validation, LossKind.LogLoss, 0, all, theta), candidate.Score, 1e-7);
        }

        Assert.Equal(choice.Candidates.MinBy(c => c.Score).L2Regularization, choice.L2Regularization);
    }

    [Theory]
    [InlineData(L2Method.CrossValidation)]
    [InlineData(L2Method.Evidence)]
    public void TheChoiceIsBitwiseTheSameForAnyThreadCountAndDenseOrSparseStorage(L2Method method)
    {
        TestProblem problem = TestData.Random(3000, 30, seed: 9, zeroFraction: 0.5);
        var results = new List<double>();
        foreach ((bool sparse, int threads) in new[] { (false, 1), (false, 3), (true, 2) })
        {
            var objective = new LogisticObjective(problem.Dataset(sparse), LossKind.LogLoss, numberOfThreads: threads);
            results.Add(L2Search.Choose(objective, Classes(problem), problem.Weights, method, Options).L2Regularization);
        }

        Assert.Equal(results[0], results[1]);
        Assert.Equal(results[0], results[2], 1e-9 * results[0]);
    }

    [Fact]
    public void BadSettingsAndLengthsNameWhatIsWrong()
    {
        TestProblem problem = TestData.Random(30, 3, seed: 1);
        var objective = new LogisticObjective(problem.Dataset(false), LossKind.LogLoss);
        int[] classes = Classes(problem);
        Assert.Equal("Folds", Assert.Throws<ArgumentOutOfRangeException>(() =>
            L2Search.Choose(objective, classes, problem.Weights, L2Method.CrossValidation, Options with { Folds = 1 })).ParamName);
        Assert.Equal("Maximum", Assert.Throws<ArgumentOutOfRangeException>(() =>
            L2Search.Choose(objective, classes, problem.Weights, L2Method.CrossValidation, Options with { Maximum = 1e-4 })).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() =>
            L2Search.Choose(objective, classes[1..], problem.Weights, L2Method.CrossValidation, Options)).ParamName);
        Assert.Equal("validation", Assert.Throws<ArgumentOutOfRangeException>(() =>
            L2Search.Choose(objective, classes, problem.Weights, L2Method.ValidationSet, Options)).ParamName);
    }

    [Fact]
    public void ACancelledTokenStopsTheSearch()
    {
        TestProblem problem = TestData.Random(60, 3, seed: 4);
        var objective = new LogisticObjective(problem.Dataset(false), LossKind.LogLoss);
        Assert.ThrowsAny<OperationCanceledException>(() => L2Search.Choose(objective, Classes(problem), problem.Weights,
            L2Method.CrossValidation, Options, cancellationToken: new CancellationToken(canceled: true)));
    }

    [Fact]
    public void WithoutAFoldCountSmallDataGetsTenFoldsAndLargerDataThree()
    {
        var automatic = new L2SearchOptions();
        Assert.Equal(10, automatic.FoldsFor(L2SearchOptions.ManyFoldsUpTo));
        Assert.Equal(3, automatic.FoldsFor(L2SearchOptions.ManyFoldsUpTo + 1));
        Assert.Equal(5, (automatic with { Folds = 5 }).FoldsFor(100));
        TestProblem problem = TestData.Random(200, 3, seed: 2);
        Assert.Equal(10, Choose(problem, L2Method.CrossValidation, automatic with { Minimum = 1e-2, Maximum = 10 }).Folds);
    }

    [Fact]
    public void TheGridRunsFromMaximumToMinimumInEvenLogSteps()
    {
        double[] grid = new L2SearchOptions { Minimum = 1e-5, Maximum = 1e3, PointsPerDecade = 2 }.Grid();
        Assert.Equal(17, grid.Length);
        Assert.Equal(1e3, grid[0]);
        Assert.Equal(1e-5, grid[^1]);
        for (int i = 1; i < grid.Length; i++)
        {
            Assert.Equal(Math.Sqrt(10), grid[i - 1] / grid[i], 1e-9);
        }
    }

    private static L2Choice Choose(TestProblem problem, L2Method method, L2SearchOptions options) =>
        L2Search.Choose(new LogisticObjective(problem.Dataset(sparse: false), LossKind.LogLoss), Classes(problem),
            problem.Weights, method, options);

    private static int[] Classes(TestProblem problem) => problem.Labels.Select(y => y >= 0.5f ? 1 : 0).ToArray();

    private static TestProblem Subset(TestProblem problem, int[] rows)
    {
        int d = problem.Columns;
        var features = new float[rows.Length * d];
        for (int r = 0; r < rows.Length; r++)
        {
            Array.Copy(problem.Features, rows[r] * d, features, r * d, d);
        }

        return new TestProblem
        {
            Rows = rows.Length,
            Columns = d,
            Features = features,
            Labels = rows.Select(i => problem.Labels[i]).ToArray(),
            Weights = problem.Weights is null ? null : rows.Select(i => problem.Weights[i]).ToArray(),
        };
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(a);
        return m.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b)).ToArray();
    }
}
