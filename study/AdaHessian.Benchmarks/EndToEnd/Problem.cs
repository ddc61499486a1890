using AdaHessian.Datasets;
using AdaHessian.MLNet;

namespace AdaHessian.Benchmarks.EndToEnd;

/// <summary>
/// One end-to-end problem: train/test data, the shared L2, and the settings of our two trainers on it (stated in
/// the report; everything not set is the trainer's default).
/// </summary>
internal sealed record Problem(
    string Name,
    LabelledMatrix Train,
    LabelledMatrix Test,
    float L2,
    Func<AdaHessianTrainer.Options> AdaHessian,
    Func<AdamTrainer.Options> Adam);
