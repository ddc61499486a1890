using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace AdaHessian.Study.Tests;

/// <summary>
/// The quick profile's numbers are pinned by snapshots: any drift in the optimizers, the data pass or the study
/// code changes them. CI sets SNAPSHOOTER_STRICT_MODE=true (a missing snapshot fails) and reruns these tests with
/// DOTNET_EnableAVX512F=0 to show the numbers do not depend on the CPU's vector width. ML.NET's own trainers are not
/// pinned: their models differ between CPUs (LbfgsLogisticRegression's test log-loss 0.390576 on one machine and 0.390675
/// on an AMD EPYC, one thread both), and so does the AUC ML.NET computes from any model's scores, which ties and
/// last-bit differences reorder. They are checked against the optimizers instead.
/// </summary>
[Trait("Category", "Snapshot")]
[Collection(QuickStudyCollection.Name)]
public sealed class QuickStudySnapshotTests(QuickStudyFixture study)
{
    [SkippableFact]
    public void Summary_matches_snapshot()
    {
        FashionMnistRequirement.Check(study.FashionMnistDirectory);
        Snapshot.Match(WithoutMLNetNumerics(ToSnapshot(study.Summary)));
    }

    [SkippableFact]
    public void MLNet_baselines_reach_the_optimizers_models()
    {
        FashionMnistRequirement.Check(study.FashionMnistDirectory);
        JsonNode binary = study.Summary["real-data"]!["binary"]!["trainers"]!;
        JsonNode multiclass = study.Summary["real-data"]!["multiclass"]!["trainers"]!;
        double Number(JsonNode trainers, string trainer, string field) => trainers[trainer]![field]!.GetValue<double>();

        // L-BFGS and AdaHessian minimise the same objective to its optimum: the same training objective and test loss.
        Assert.InRange(Number(binary, "adahessian", "train_objective_vs_lbfgs_percent"), -0.01, 0.01);
        Assert.InRange(Number(binary, "adahessian", "log_loss_vs_lbfgs_percent"), -0.5, 0.5);
        Assert.InRange(Number(binary, "adahessian", "auc") - Number(binary, "lbfgs", "auc"), -0.002, 0.002);
        Assert.InRange(Number(multiclass, "adahessian", "log_loss_vs_lbfgs_percent"), -1.0, 1.0);
    }

    [Fact]
    public void Seed_replication_trajectory_matches_snapshot()
    {
        JsonNode? trajectory = study.Summary["seed-replication"]?["trajectory"];
        Assert.NotNull(trajectory);
        Snapshot.Match(ToSnapshot(trajectory));
    }

    [Fact]
    public void Sweep_summary_matches_snapshot()
    {
        JsonNode? sweep = study.Summary["sweep"];
        Assert.NotNull(sweep);
        Snapshot.Match(ToSnapshot(sweep));
    }

    private static JToken ToSnapshot(JsonNode node) => JToken.Parse(node.ToJsonString());

    // The real-data section without ML.NET's trainers, the AUCs and the ratios to L-BFGS: what ML.NET computes.
    private static JToken WithoutMLNetNumerics(JToken summary)
    {
        foreach (JProperty task in summary["real-data"]!.Children<JProperty>())
        {
            if (task.Value is not JObject section || section["trainers"] is not JObject trainers)
            {
                continue;
            }

            trainers.Remove("lbfgs");
            trainers.Remove("sdca");
            foreach (JObject trainer in trainers.PropertyValues().OfType<JObject>())
            {
                foreach (JProperty field in trainer.Properties().Where(f => f.Name == "auc" || f.Name.EndsWith("_vs_lbfgs_percent", StringComparison.Ordinal)).ToList())
                {
                    field.Remove();
                }
            }
        }

        return summary;
    }
}
