using AdaHessian.Suite.Datasets;
using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Tests.Datasets;

public class DatasetRegistryTests
{
    private static readonly IReadOnlyList<SuiteDataset> All = DatasetRegistry.All("/nonexistent-fashion-mnist");

    [Fact]
    public void Names_are_unique_and_there_are_at_least_eight_datasets()
    {
        Assert.True(All.Count >= 8);
        Assert.Equal(All.Count, All.Select(d => d.Name).Distinct().Count());
    }

    [Fact]
    public void A_pattern_selects_by_name_ignoring_case() =>
        Assert.Equal(["reuters-corn", "reuters-grain"], DatasetRegistry.Select(All, "^REUTERS").Select(d => d.Name));

    [Fact]
    public void Synthetic_datasets_need_no_file_and_missing_files_name_the_package()
    {
        Assert.Null(All.Single(d => d.Name == "single-row").MissingReason());
        string? reason = All.Single(d => d.Name == "fmnist-2v4").MissingReason();
        Assert.NotNull(reason);
        Assert.Contains("/nonexistent-fashion-mnist/train-images-idx3-ubyte.gz", reason);
        Assert.Contains("apt-get install dataset-fashion-mnist", reason);
    }

    [Fact]
    public void Only_the_datasets_about_feature_scale_skip_normalisation() =>
        Assert.Equal(["single-row", "ill-scaled", "scale-1e6"], All.Where(d => !d.Normalize).Select(d => d.Name));

    [Fact]
    public void The_single_row_dataset_is_the_issues_example()
    {
        var split = All.Single(d => d.Name == "single-row").Load();

        Assert.Equal([0f, 0, 1, 0, 0], split.Train.Features.Row(0).Values.ToArray());
        Assert.Equal([1f], split.Train.Labels);
    }

    [Fact]
    public void The_trainers_and_the_ablations_are_selected_by_pattern()
    {
        Assert.Equal(["AdaHessian", "AdaHessian official", "AdaHessian constant η", "Adam", "L-BFGS", "SDCA"],
            TrainerRegistry.All.Select(t => t.Name));
        Assert.Equal(["AdaHessian", "Adam"], TrainerRegistry.Select("^ada(m|hessian)$").Select(t => t.Name));
    }
}
