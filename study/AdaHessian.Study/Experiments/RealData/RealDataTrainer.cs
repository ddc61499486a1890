using System.Globalization;
using AdaHessian.MLNet;
using AdaHessian.Training;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using BinaryEstimator = Microsoft.ML.Trainers.ITrainerEstimator<
    Microsoft.ML.Data.BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<
        Microsoft.ML.Trainers.LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>>,
    Microsoft.ML.Calibrators.CalibratedModelParametersBase<Microsoft.ML.Trainers.LinearBinaryModelParameters,
        Microsoft.ML.Calibrators.PlattCalibrator>>;

namespace AdaHessian.Study.Experiments.RealData;

/// <summary>
/// One of the four binary trainers compared on Fashion-MNIST, set up for one shared objective: the log-loss summed over
/// the n training rows plus (λ/2)‖w‖² with λ = <see cref="L2"/> and no L1. All four return the same calibrated linear
/// model type (Probability = σ(w·x + b)), so each also runs inside OneVersusAll.
/// </summary>
/// <param name="Key">Name in files and the summary.</param>
/// <param name="Label">Name in the report and the figure.</param>
/// <param name="Create">
/// The trainer for n training rows and E epochs; an optimizer trainer reports every epoch to the observer, the others
/// ignore it.
/// </param>
/// <param name="Describe">Its settings for n rows and E epochs, for the report.</param>
/// <param name="IsOptimizer">True for the two optimizer trainers, which report per-epoch parameters.</param>
internal sealed record RealDataTrainer(
    string Key,
    string Label,
    Func<MLContext, int, int, IProgress<TrainingProgress>?, BinaryEstimator> Create,
    Func<int, int, string> Describe,
    bool IsOptimizer = false)
{
    /// <summary>λ: LbfgsLogisticRegression's default, and the default of both optimizer trainers.</summary>
    public const float L2 = 1f;

    /// <summary>The four trainers, in report order.</summary>
    public static IReadOnlyList<RealDataTrainer> All { get; } =
    [
        new("adahessian", "AdaHessian",
            (ml, _, epochs, observer) => ml.BinaryClassification.Trainers.AdaHessian(AdaHessianOptions(epochs, observer)),
            (_, epochs) => $"AdaHessianTrainer defaults (η = {F(AdaHessianTrainer.Defaults.LearningRate)}, batch " +
                $"{SharedDefaults.BatchSize}, Hutchinson with {AdaHessianTrainer.Defaults.HutchinsonSamples} probe), " +
                $"L2 = {F(L2)}, {epochs} epochs",
            IsOptimizer: true),
        new("adam", "Adam",
            (ml, _, epochs, observer) => ml.BinaryClassification.Trainers.Adam(AdamOptions(epochs, observer)),
            (_, epochs) => $"AdamTrainer defaults (η = {F(AdamTrainer.Defaults.LearningRate)}, batch {SharedDefaults.BatchSize}), " +
                $"L2 = {F(L2)}, {epochs} epochs",
            IsOptimizer: true),
        new("lbfgs", "L-BFGS",
            (ml, _, _, _) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = 0, L2Regularization = L2, NumberOfThreads = 1,
            }),
            (_, _) => $"LbfgsLogisticRegression, L2 = {F(L2)}, L1 = 0, 1 thread (with more, it sums the gradient over one chunk of " +
                "rows per core, so the model depends on the core count), otherwise defaults (tolerance 1e-7, no iteration limit)"),
        // SDCA minimises (1/n) Σ ℓ + (λ'/2)‖(w, b)‖²: the same weights when λ' = λ / n (SDCA also shrinks the bias, the
        // others do not). Its automatic pass limit, 3·⌊500000/n⌋, grows as n shrinks (750 passes on 2,000 rows) and made
        // the ten-class fits the slowest of all; it gets the optimizers' epoch budget instead.
        new("sdca", "SDCA",
            (ml, rows, epochs, _) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = 0, L2Regularization = SdcaL2(rows), NumberOfThreads = 1, MaximumNumberOfIterations = epochs,
            }),
            (rows, epochs) => $"SdcaLogisticRegression, L2 = λ/n = {F(L2)}/{rows} = {F(SdcaL2(rows))}, L1 = 0, 1 thread (with more, " +
                $"it updates the weights without locks and is not reproducible), at most {epochs} passes like the optimizers (its " +
                $"automatic limit would be 3·⌊500000/n⌋ = {SdcaAutomaticPasses(rows)}), otherwise defaults (duality-gap tolerance 0.1)"),
    ];

    /// <summary>SDCA's L2 constant for n rows: λ / n, rounded to Single as the option stores it.</summary>
    public static float SdcaL2(int rows) => L2 / rows;

    /// <summary>The pass limit SdcaLogisticRegression picks for n rows on one thread when none is given (ML.NET 5.0.1).</summary>
    public static int SdcaAutomaticPasses(int rows) => 3 * Math.Max(1, 500_000 / rows);

    private static AdaHessianTrainer.Options AdaHessianOptions(int epochs, IProgress<TrainingProgress>? observer) =>
        new() { NumberOfEpochs = epochs, L2Regularization = L2, Observer = observer };

    private static AdamTrainer.Options AdamOptions(int epochs, IProgress<TrainingProgress>? observer) =>
        new() { NumberOfEpochs = epochs, L2Regularization = L2, Observer = observer };

    /// <summary>4 significant digits; below 0.001 as 8.333e-5.</summary>
    public static string F(double x) => x.ToString(Math.Abs(x) < 1e-3 && x != 0 ? "0.###e0" : "G4", CultureInfo.InvariantCulture);
}
