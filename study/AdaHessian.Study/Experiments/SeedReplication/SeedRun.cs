using AdaHessian.Study.Figures.Surface3D;
using AdaHessian.Study.Output;

namespace AdaHessian.Study.Experiments.SeedReplication;

/// <summary>One full-batch run on the toy neuron: (w, b) and the loss after every epoch (index 0 = the start).</summary>
internal sealed record SeedRun(SeedVariant Variant, double Rate, double[] W, double[] B, double[] Loss)
{
    /// <summary>The final loss as saved (6 significant digits), also what the best-rate search compares.</summary>
    public double FinalLoss => Numbers.Round(Loss[^1]);

    /// <summary>The run as the contour, surface and loss figures draw it.</summary>
    public Trajectory ToTrajectory() =>
        new($"{Variant.Label}, η = {SeedReplicationReport.Short(Rate)}", Variant.Color, W, B, Loss);
}
