using AdaHessian.Datasets;
using Microsoft.ML.Data;

namespace AdaHessian.Study.Experiments.RealData;

/// <summary>
/// One Fashion-MNIST image as a multiclass row: 784 pixels in [0, 1] and its class 0–9 as an ML.NET key of ten
/// values. LoadFromEnumerable reads a [KeyType] member as 0-based and adds 1 itself (ML.NET 5.0.1), so the class is
/// stored as is.
/// </summary>
internal sealed class ClassImageRow
{
    [KeyType(10)]
    public uint Label { get; set; }

    [VectorType(FashionMnist.PixelCount)]
    public float[] Features { get; set; } = [];
}
