using AdaHessian.Data;
using AdaHessian.Suite.Data;
using AdaHessian.Suite.Synthetic;

namespace AdaHessian.Suite.Datasets;

/// <summary>The seeded planted-model datasets, from one row to a million.</summary>
internal static class SyntheticDatasets
{
    /// <summary>The datasets, smallest first.</summary>
    public static IEnumerable<SuiteDataset> All()
    {
        yield return Generated("single-row", "one training row [0, 0, 1, 0, 0] labelled true, tested on the same row (F has no minimiser: the " +
            "unpenalised bias can grow without bound, so the gap is absolute)", false, SingleRow);
        yield return Generated("dense-500", "planted dense model, 500 train / 2,000 test rows × 20 correlated columns",
            true, () => new PlantedDense(500, 2_000, 20, 101).Generate());
        yield return Generated("dense-1600", "planted dense model, 1,600 train / 2,000 test rows × 20 correlated columns",
            true, () => new PlantedDense(1_600, 2_000, 20, 102).Generate());
        yield return Generated("ill-scaled", "planted dense model, 2,000 train / 2,000 test × 20, column j scaled by 10^(2j/19) " +
            "(1 to 100, not normalised)", false,
            () => new PlantedDense(2_000, 2_000, 20, 103) { ColumnScale = j => Math.Pow(10, 2.0 * j / 19) }.Generate());
        yield return Generated("scale-1e6", "planted dense model, 1,000 train / 2,000 test × 20, every feature × 1e6 (not normalised)",
            false, () => new PlantedDense(1_000, 2_000, 20, 104) { ColumnScale = _ => 1e6 }.Generate());
        yield return Generated("sparse-200k", "planted wide sparse binary model, 200,000 train / 50,000 test × 100,000 columns, " +
            "20 non-zeros per row", true, () => new PlantedSparse(200_000, 50_000, 100_000, 20, 105).Generate());
        yield return Generated("sparse-1m", "planted wide sparse binary model, 1,000,000 train / 100,000 test × 100,000 columns, " +
            "20 non-zeros per row", true, () => new PlantedSparse(1_000_000, 100_000, 100_000, 20, 106).Generate());
    }

    private static SuiteDataset Generated(string name, string source, bool normalize, Func<DataSplit> load) =>
        new(name, "synthetic: " + source, [], null, normalize, load);

    private static DataSplit SingleRow()
    {
        LogisticDataset Row() => new(FeatureMatrix.Dense(1, 5, [0, 0, 1, 0, 0]), [1f]);
        return new DataSplit(Row(), Row());
    }
}
