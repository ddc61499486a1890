using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace AdaHessian.Study.Tests;

/// <summary>
/// The quick profile's numbers are pinned by snapshots: any drift in the optimizers, the data pass or the study
/// code changes them. CI sets SNAPSHOOTER_STRICT_MODE=true (a missing snapshot fails) and reruns these tests with
/// DOTNET_EnableAVX512F=0 to show the numbers do not depend on the CPU's vector width.
/// </summary>
[Trait("Category", "Snapshot")]
[Collection(QuickStudyCollection.Name)]
public sealed class QuickStudySnapshotTests(QuickStudyFixture study)
{
    [SkippableFact]
    public void Summary_matches_snapshot()
    {
        FashionMnistRequirement.Check(study.FashionMnistDirectory);
        Snapshot.Match(ToSnapshot(study.Summary));
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
}
