namespace AdaHessian.Study;

/// <summary>The size of every experiment: <c>full</c> for the committed results, <c>quick</c> for CI and snapshots.</summary>
internal sealed record StudyProfile
{
    /// <summary>Profile name as given on the command line.</summary>
    public required string Name { get; init; }

    /// <summary>Seeds per sweep cell.</summary>
    public required int Seeds { get; init; }

    /// <summary>Log-spaced learning rates from 1e-3 to 1 (inclusive).</summary>
    public required int LearningRates { get; init; }

    /// <summary>Epochs of the toy neuron (seed replication and sweep).</summary>
    public int ToyEpochs { get; init; } = 200;

    /// <summary>Rows of each synthetic logistic-regression problem.</summary>
    public required int SyntheticRows { get; init; }

    /// <summary>Features of each synthetic problem.</summary>
    public required int SyntheticFeatures { get; init; }

    /// <summary>Full-batch epochs on the synthetic problems.</summary>
    public required int SyntheticEpochs { get; init; }

    /// <summary>Condition numbers of the synthetic problems.</summary>
    public IReadOnlyList<double> ConditionNumbers { get; init; } = [1, 1e2, 1e4];

    /// <summary>Hutchinson sample counts for the estimator-accuracy experiment.</summary>
    public IReadOnlyList<int> HutchinsonSamples { get; init; } = [1, 2, 4, 8, 16, 32, 64];

    /// <summary>Spatial-averaging block sizes for the estimator-accuracy experiment.</summary>
    public IReadOnlyList<int> BlockSizes { get; init; } = [1, 4, 16];

    /// <summary>Repetitions (seeds) per estimator-accuracy cell.</summary>
    public required int EstimatorRepeats { get; init; }

    /// <summary>Training rows taken from Fashion-MNIST (null = all).</summary>
    public int? FashionTrainRows { get; init; }

    /// <summary>Test rows taken from Fashion-MNIST (null = all).</summary>
    public int? FashionTestRows { get; init; }

    /// <summary>Epochs for the ML.NET optimizer trainers on Fashion-MNIST.</summary>
    public required int FashionEpochs { get; init; }

    /// <summary>The named profiles.</summary>
    public static IReadOnlyDictionary<string, StudyProfile> All { get; } = new Dictionary<string, StudyProfile>
    {
        ["full"] = new()
        {
            Name = "full", Seeds = 20, LearningRates = 9, SyntheticRows = 2000, SyntheticFeatures = 20,
            SyntheticEpochs = 100, EstimatorRepeats = 50, FashionEpochs = 30,
        },
        ["quick"] = new()
        {
            Name = "quick", Seeds = 3, LearningRates = 4, SyntheticRows = 300, SyntheticFeatures = 8,
            SyntheticEpochs = 40, EstimatorRepeats = 8, HutchinsonSamples = [1, 4, 16], BlockSizes = [1, 4],
            FashionTrainRows = 2000, FashionTestRows = 1000, FashionEpochs = 5,
        },
    };

    /// <summary>The learning-rate grid: 10^(−3 + 3i/(n−1)), i = 0 … n−1.</summary>
    public double[] LearningRateGrid() =>
        Enumerable.Range(0, LearningRates).Select(i => Math.Pow(10, -3 + 3.0 * i / (LearningRates - 1))).ToArray();
}
