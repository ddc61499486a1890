using ScottPlot;

namespace AdaHessian.Study.Figures.Surface3D;

/// <summary>
/// One optimizer's path over the toy neuron's (w, b) plane: the parameters and the loss after every epoch
/// (index 0 = the start), with the colour it gets in every figure.
/// </summary>
internal sealed record Trajectory(string Label, Color Color, double[] W, double[] B, double[] Loss)
{
    /// <summary>Number of recorded points (epochs + 1).</summary>
    public int Count => Loss.Length;
}
