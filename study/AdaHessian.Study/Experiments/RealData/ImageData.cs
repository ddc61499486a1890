using Microsoft.ML;

namespace AdaHessian.Study.Experiments.RealData;

/// <summary>A data view and its number of rows.</summary>
internal sealed record ImageData(IDataView View, int Rows);
