using AdaHessian.Datasets;

namespace AdaHessian.Benchmarks.Data;

/// <summary>The Fashion-MNIST class pair of the end-to-end benchmarks, read by the shared reader; pixels scaled to [0, 1].</summary>
internal static class FashionMnistPair
{
    /// <summary>Pullover (2) is the negative class and Coat (4) the positive one, as in the parity tests.</summary>
    public const int Negative = 2;
    public const int Positive = 4;

    public static (LabelledMatrix Train, LabelledMatrix Test) Load(string directory) =>
        (Pair(FashionMnist.LoadTrain(directory)), Pair(FashionMnist.LoadTest(directory)));

    private static LabelledMatrix Pair(FashionMnist split) => LabelledMatrix.FromDenseDataset(split.BinaryDataset(Negative, Positive));
}
