namespace AdaHessian.Study.Experiments.RealData;

/// <summary>Everything the real-data experiment measured, before rounding.</summary>
/// <param name="TrainRowLimit">The profile's limit on training images (null = all).</param>
/// <param name="TestRowLimit">The profile's limit on test images (null = all).</param>
/// <param name="Epochs">Epochs of the optimizer trainers (and SDCA's pass limit).</param>
/// <param name="NegativeClass">The pair's negative class (label false).</param>
/// <param name="PositiveClass">The pair's positive class (label true).</param>
/// <param name="BinaryTrainRows">Training images of the pair.</param>
/// <param name="BinaryTestRows">Test images of the pair.</param>
/// <param name="Binary">The four binary fits, in trainer order.</param>
/// <param name="Curves">Per-epoch test log-loss of the optimizer trainers.</param>
/// <param name="MulticlassTrainRows">Training images of the ten-class task.</param>
/// <param name="MulticlassTestRows">Test images of the ten-class task.</param>
/// <param name="MulticlassRowCap">The cap on the ten-class training images.</param>
/// <param name="Multiclass">The four one-versus-all fits, in trainer order.</param>
internal sealed record RealDataOutcome(
    int? TrainRowLimit,
    int? TestRowLimit,
    int Epochs,
    int NegativeClass,
    int PositiveClass,
    int BinaryTrainRows,
    int BinaryTestRows,
    IReadOnlyList<BinaryFit> Binary,
    IReadOnlyList<EpochCurve> Curves,
    int MulticlassTrainRows,
    int MulticlassTestRows,
    int MulticlassRowCap,
    IReadOnlyList<TrainerMetrics> Multiclass);
