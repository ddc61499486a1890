using AdaHessian.Curvature;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Regularization;
using AdaHessian.Training;

namespace AdaHessian.MLNet;

/// <summary>
/// Options every trainer of this package takes — the binary <see cref="AdaHessianTrainer"/> and
/// <see cref="AdamTrainer"/> and the multiclass <see cref="AdaHessianMaximumEntropyTrainer"/> and
/// <see cref="AdamMaximumEntropyTrainer"/>: the columns, the objective and the schedule, with the same defaults for
/// both tasks. Names and meanings follow ML.NET's trainers. <see cref="AdaHessianTrainerOptionsBase"/> adds what only
/// AdaHessian needs; the defaults are listed in <see cref="AdaHessianTrainer.Defaults"/> and
/// <see cref="AdamTrainer.Defaults"/>.
/// </summary>
public abstract class LogisticNeuronTrainerOptions
{
    private protected LogisticNeuronTrainerOptions(float epsilon)
    {
        Epsilon = epsilon;
    }

    /// <summary>
    /// The label column: Boolean for the binary trainers, a key (UInt32, from
    /// <c>mlContext.Transforms.Conversion.MapValueToKey</c>) for the multiclass ones. Default "Label".
    /// </summary>
    public string LabelColumnName = SharedDefaults.LabelColumnName;

    /// <summary>The feature column: a known-size vector of Single, dense or sparse. Default "Features".</summary>
    public string FeatureColumnName = SharedDefaults.FeatureColumnName;

    /// <summary>
    /// The example weight column (Single, finite, ≥ 0), or null when every row weighs 1. Default null.
    /// </summary>
    public string? ExampleWeightColumnName;

    /// <summary>
    /// Passes over the training data, ≥ 1, or more when <see cref="MinimumNumberOfSteps"/> asks for it. Training may
    /// stop earlier, see <see cref="OptimizationTolerance"/>. Default 30.
    /// </summary>
    public int NumberOfEpochs = SharedDefaults.NumberOfEpochs;

    /// <summary>
    /// Train at least this many optimizer steps, ≥ 0: small data sets get the steps 30 epochs would not give them
    /// (a full batch is one step). Default 2,000.
    /// </summary>
    public int MinimumNumberOfSteps = SharedDefaults.MinimumNumberOfSteps;

    /// <summary>
    /// Rows per optimizer step, ≥ 1 (a value ≥ the row count uses all rows every step). Default null: chosen from the
    /// data — all rows up to 4,096 rows, else max(256, ⌈(features + 1) / stored values per row⌉), so that a step of
    /// wide sparse data reads at least as much as it updates.
    /// </summary>
    public int? BatchSize;

    /// <summary>
    /// η &gt; 0, the first step's size (then decayed, see <see cref="LearningRateDecay"/>). Default null: chosen from the
    /// data — for AdaHessian from the curvature at the start, for Adam 0.1 on full batches and 0.05 on mini-batches.
    /// </summary>
    public float? LearningRate;

    /// <summary>How η falls over the run: to 0 by a cosine (default), linearly, or not at all.</summary>
    public LearningRateDecay LearningRateDecay = SharedDefaults.LearningRateDecay;

    /// <summary>
    /// Train on centred dense features (x − mean, the bias absorbing the shift; the model is the same function of x).
    /// A diagonal preconditioner sees a far better conditioned problem. Sparse features are never centred. Default true.
    /// </summary>
    public bool CenterFeatures = SharedDefaults.CenterFeatures;

    /// <summary>
    /// β₁ in [0, 1): decay of the gradient moving average (momentum). Default null: 0.9, except where the binary
    /// AdaHessian trainer trains on full batches with <see cref="LearningRate"/> also null — there η and β₁ are chosen together from the
    /// curvature at the start (heavy-ball momentum for the condition number of the diagonally preconditioned Hessian;
    /// see <see cref="AdaHessianTrainer.Defaults"/>). The log names the β₁ a fit used.
    /// </summary>
    public float? Beta1;

    /// <summary>β₂ in [0, 1): decay of the second-moment moving average. Default 0.999.</summary>
    public float Beta2 = SharedDefaults.Beta2;

    /// <summary>ε &gt; 0, added to the denominator of every step. Default 1e-4 for AdaHessian, 1e-8 for Adam.</summary>
    public float Epsilon;

    /// <summary>
    /// Decoupled weight decay λ_wd ≥ 0 (the "W" of AdamW): every step also subtracts η·λ_wd·w. Weights only, never
    /// the bias. Default 0. Prefer <see cref="L2Regularization"/>, which changes the objective instead.
    /// </summary>
    public float WeightDecay = SharedDefaults.WeightDecay;

    /// <summary>
    /// λ ≥ 0, ML.NET's L2 regularization: the objective is Σᵢ ωᵢℓᵢ + (λ/2)‖w‖² (bias not regularized), as in
    /// LbfgsLogisticRegression, so the same value fits the same model. Default null: chosen from the training data
    /// before the fit, by <see cref="L2Selection"/>; the choice is logged, reported to the <see cref="Observer"/> and
    /// readable after <c>Fit</c> (the trainer's <c>LastL2Choice</c>), and giving that number here fits the same model.
    /// </summary>
    public float? L2Regularization;

    /// <summary>
    /// How λ is chosen when <see cref="L2Regularization"/> is null. <see cref="L2Method.CrossValidation"/> (default):
    /// the held-out log-loss of stratified folds (10 up to 4,096 rows, else 3; larger data is searched on a
    /// stratified sample of 65,536 rows, fewer when rows × stored values × classes exceeds 2^25) along a path of strengths from 1e3 down to 1e-5 (two per decade,
    /// each fit warm-started from the last, solved by truncated Newton), refined by a parabola; with a validation set
    /// (<c>Fit(trainData, validationData)</c>) the validation set scores the path instead of folds.
    /// <see cref="L2Method.Evidence"/>: MacKay's evidence fixed point, no held-out rows.
    /// <see cref="L2Method.ValidationSet"/>: needs a validation set.
    /// </summary>
    public L2Method L2Selection = SharedDefaults.L2Selection;

    /// <summary>
    /// The per-example loss of p = σ(w·x + b). Default <see cref="LossKind.LogLoss"/> (logistic regression). The
    /// multiclass trainers take only <see cref="LossKind.LogLoss"/> (of the softmax).
    /// </summary>
    public LossKind Loss = SharedDefaults.Loss;

    /// <summary>
    /// Seeds the row shuffling and the Hutchinson probes. Default null: the seed the <c>MLContext</c> was created
    /// with (and a random one when it has none), so a seeded context trains reproducibly.
    /// </summary>
    public int? Seed;

    /// <summary>Shuffle the rows before every epoch (mini-batches only). Default true.</summary>
    public bool Shuffle = SharedDefaults.Shuffle;

    /// <summary>
    /// Stop when an epoch changes the objective by at most this fraction of its value (on full batches: the mean of 10
    /// steps against the previous 10); 0 runs every epoch. Default 1e-6.
    /// </summary>
    public float OptimizationTolerance = SharedDefaults.OptimizationTolerance;

    /// <summary>
    /// With a validation set (<c>Fit(trainData, validationData)</c>): stop once the validation loss has not improved
    /// for this many epochs and return the best epoch's model; 0 scores the validation set without stopping. ≥ 0.
    /// Default 5.
    /// </summary>
    public int EarlyStoppingRound = SharedDefaults.EarlyStoppingRound;

    /// <summary>
    /// How the binary trainers read the training rows: <see cref="DataLoading.Automatic"/> (default) into memory
    /// unless they outgrow a quarter of the memory available to the process, then streamed;
    /// <see cref="DataLoading.InMemory"/>; or <see cref="DataLoading.Streaming"/>, a block at a time, for data larger
    /// than memory. The multiclass trainers read into memory: for them only Automatic and InMemory are allowed, and
    /// both mean in memory.
    /// </summary>
    public DataLoading DataLoading = SharedDefaults.DataLoading;

    /// <summary>
    /// With streaming: megabytes (2^20 bytes) of rows in one block, ≥ 1. A block is trained while the next is read,
    /// so streaming holds about three blocks, plus a sample of the rows of at most one block. Default 16.
    /// </summary>
    public int StreamingBufferMegabytes = SharedDefaults.StreamingBufferMegabytes;

    /// <summary>Threads for the data passes, ≥ 1; null uses every core. Results do not depend on it. Default null.</summary>
    public int? NumberOfThreads;

    /// <summary>
    /// Receives a report after every epoch of <c>Fit</c>: epoch, step, objective, gradient norm and a view of the
    /// parameters. Null for none. Default null. The objective of every epoch also goes to <c>MLContext.Log</c>
    /// (of a fit longer than 100 epochs, 100 evenly spaced ones and the last).
    /// </summary>
    public IProgress<TrainingProgress>? Observer;

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> naming the first option that breaks its rule. Never changes
    /// an option. The rules are the core's, applied while the options are mapped onto the core's settings.
    /// </summary>
    public void Validate()
    {
        OptionRules.ColumnName(LabelColumnName, nameof(LabelColumnName));
        OptionRules.ColumnName(FeatureColumnName, nameof(FeatureColumnName));
        OptionRules.ColumnName(ExampleWeightColumnName, nameof(ExampleWeightColumnName), optional: true);
        TrainingPlan.For(this, seed: 0);
    }

    /// <summary>The optimizer chain these options describe, stepping by <paramref name="schedule"/>; the core validates its settings.</summary>
    private protected abstract Optimizer CreateOptimizerCore(double learningRate, double beta1, ILearningRateSchedule schedule);

    /// <summary>
    /// η when <see cref="LearningRate"/> is null, β₁ (the given <see cref="Beta1"/>, or one chosen with η), and how
    /// they were found (for the log).
    /// </summary>
    private protected abstract (double Rate, double Beta1, string How) AutomaticLearningRateCore(IObjective objective,
        ReadOnlySpan<double> start, int batchSize, bool fullBatch, int seed);

    /// <summary>Where the curvature comes from: null for gradient-only optimizers.</summary>
    private protected virtual CurvatureOptions? CreateCurvatureCore() => null;

    /// <summary>The name of the method for the log, e.g. "Adam" or "AdaHessian exact (k=1)".</summary>
    private protected virtual string DescribeMethod(Optimizer optimizer) => optimizer.Name;

    /// <summary>True for the multiclass trainers' options: a key label and a softmax objective.</summary>
    internal virtual bool IsMulticlass => false;

    /// <summary>β₁ when it is not chosen with η: the given one, or 0.9.</summary>
    internal float GivenOrDefaultBeta1 => Beta1 ?? SharedDefaults.Beta1;

    internal Optimizer CreateOptimizer(double learningRate, double beta1, ILearningRateSchedule schedule) =>
        CreateOptimizerCore(learningRate, beta1, schedule);

    /// <summary>Scales the automatic η: tests make it diverge on purpose, to see what the fit does then.</summary>
    internal double AutomaticRateFactor { get; set; } = 1;

    internal (double Rate, double Beta1, string How) AutomaticLearningRate(IObjective objective, ReadOnlySpan<double> start, int batchSize,
        bool fullBatch, int seed)
    {
        (double rate, double beta1, string how) = AutomaticLearningRateCore(objective, start, batchSize, fullBatch, seed);
        return (rate * AutomaticRateFactor, beta1, how);
    }

    internal string Describe(Optimizer optimizer) => DescribeMethod(optimizer);

    internal CurvatureOptions? CreateCurvature() => CreateCurvatureCore();
}
