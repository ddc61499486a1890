namespace AdaHessian.Study.Experiments.SeedReplication;

/// <summary>What the seed replication ran, all that its tables, figures and report are made from.</summary>
/// <param name="Settings">(a) the shared rate, (b) each optimizer at its best rate.</param>
/// <param name="Grid">The learning rates searched for (b).</param>
/// <param name="GridFinalLoss">Per variant (in <see cref="SeedVariant.All"/> order), the final loss at each rate of the grid; null where it diverged.</param>
/// <param name="Epochs">Epochs of every run.</param>
internal sealed record SeedReplicationOutcome(
    IReadOnlyList<SeedSetting> Settings,
    double[] Grid,
    IReadOnlyList<(string Key, double?[] FinalLoss)> GridFinalLoss,
    int Epochs);
