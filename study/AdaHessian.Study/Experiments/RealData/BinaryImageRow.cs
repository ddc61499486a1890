using AdaHessian.Study.Problems;
using Microsoft.ML.Data;

namespace AdaHessian.Study.Experiments.RealData;

/// <summary>One Fashion-MNIST image as a binary-classification row: 784 pixels in [0, 1] and a Boolean label.</summary>
internal sealed class BinaryImageRow
{
    public bool Label { get; set; }

    [VectorType(FashionMnist.PixelCount)]
    public float[] Features { get; set; } = [];
}
