using System.Diagnostics;
using AdaHessian.Data;
using AdaHessian.MLNet.Data;
using AdaHessian.MLNet.Interop;
using AdaHessian.Regularization;
using AdaHessian.Training;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace AdaHessian.MLNet;

/// <summary>
/// What <see cref="AdaHessianTrainer"/> and <see cref="AdamTrainer"/> share: reading the data, the logistic-neuron
/// objective, the training loop, logging and the ML.NET model. Only the optimizer differs. The fitted model has the
/// type LbfgsLogisticRegression returns, so either trainer replaces it in any binary-classification pipeline.
/// </summary>
/// <typeparam name="TOptions">The trainer's options.</typeparam>
public abstract class LogisticNeuronTrainerBase<TOptions>
    : ITrainerEstimator<BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>,
        CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>
    where TOptions : LogisticNeuronTrainerOptions
{
    private readonly IHostEnvironment _env;
    private readonly string _name;

    private protected LogisticNeuronTrainerBase(IHostEnvironment env, TOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        MlNetBridge.EnsureSupported();
        _env = env;
        _name = name;
        TrainerOptions = options;
    }

    /// <summary>
    /// Wants normalized features; reads the data into memory or streams it from fresh cursors (<c>DataLoading</c>), so
    /// it needs no caching; takes a validation set and an initial model (<see cref="Fit(IDataView, IDataView)"/>, <see cref="Fit(IDataView, LinearModelParameters)"/>).
    /// </summary>
    public TrainerInfo Info { get; } = MlNetBridge.CreateTrainerInfo(normalization: true, caching: false, validation: true, incremental: true);

    private protected TOptions TrainerOptions { get; }

    /// <summary>
    /// How the most recent <c>Fit</c> chose its L2 strength when <c>L2Regularization</c> was null: the strength (give
    /// it as <c>L2Regularization</c> to fit the same model again), the method, every strength tried and what the
    /// search cost. Null before the first fit and after a fit with a given strength.
    /// </summary>
    public L2Choice? LastL2Choice { get; private set; }

    /// <summary>
    /// Trains on <paramref name="input"/> and returns the scoring transformer: Score = w·x + b,
    /// Probability = σ(Score), PredictedLabel = Score &gt; 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A training column is missing or has the wrong type.</exception>
    /// <exception cref="InvalidOperationException">No row is usable (none, all skipped, or total weight 0).</exception>
    /// <exception cref="OperationCanceledException">The environment's execution was cancelled; checked before every step.</exception>
    /// <exception cref="TrainingDivergedException">
    /// The objective or a parameter became NaN or infinite, the objective rose above its value at the start, or a
    /// parameter ended beyond the range of Single.
    /// </exception>
    public BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> Fit(IDataView input) =>
        Train(input, validationData: null, initialModel: null);

    /// <summary>
    /// Trains on <paramref name="trainData"/> while scoring <paramref name="validationData"/> (its loss, without the
    /// L2 term) after every epoch. With <c>EarlyStoppingRound</c> &gt; 0, training stops once the validation loss has
    /// not improved for that many epochs, and the model of the best epoch is returned.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A column of either data view is missing or has the wrong type, or their feature columns differ in size.
    /// </exception>
    /// <exception cref="InvalidOperationException">Either data view has no usable row.</exception>
    /// <exception cref="OperationCanceledException">The environment's execution was cancelled.</exception>
    /// <exception cref="TrainingDivergedException">As for <see cref="Fit(IDataView)"/>.</exception>
    public BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> Fit(
        IDataView trainData, IDataView validationData)
    {
        ArgumentNullException.ThrowIfNull(validationData);
        return Train(trainData, validationData, initialModel: null);
    }

    /// <summary>
    /// Continues training from <paramref name="modelParameters"/> (warm start), as
    /// <c>LbfgsLogisticRegression.Fit(trainData, modelParameters)</c> does: the weights and bias of a linear model,
    /// for example <c>model.Model.SubModel</c> of an earlier fit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A column is missing or has the wrong type, or the model has another number of weights than the feature column.
    /// </exception>
    /// <exception cref="InvalidOperationException">No row is usable.</exception>
    /// <exception cref="OperationCanceledException">The environment's execution was cancelled.</exception>
    /// <exception cref="TrainingDivergedException">As for <see cref="Fit(IDataView)"/>.</exception>
    public BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> Fit(
        IDataView trainData, LinearModelParameters modelParameters)
    {
        ArgumentNullException.ThrowIfNull(modelParameters);
        return Train(trainData, validationData: null, modelParameters);
    }

    private BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> Train(
        IDataView input, IDataView? validationData, LinearModelParameters? initialModel)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = TrainerOptions;
        var columns = SchemaValidation.Check(input.Schema, options);
        var host = _env.Register(_name);
        using var cancellation = new HostCancellation(host);
        using var ch = host.Start("Training");

        int seed = options.Seed ?? MlNetBridge.GetSeed(_env) ?? host.Rand.Next();
        var plan = TrainingPlan.For(options, seed);
        (LogisticDataset? dataset, StreamedData? streamed) = ReadTraining(input, columns, ch, seed, cancellation.Token);
        cancellation.ThrowIfCancelled();
        int featureCount = columns.FeatureCount;
        LogisticDataset? validation = null;
        if (validationData is not null)
        {
            validation = ReadRows(validationData, SchemaValidation.Check(validationData.Schema, options), ch, "validation");
            if (validation.FeatureCount != featureCount)
            {
                throw new ArgumentOutOfRangeException(nameof(validationData), validation.FeatureCount,
                    $"The validation column '{options.FeatureColumnName}' has {validation.FeatureCount} features; the training data has {featureCount}.");
            }
        }

        double[] start = InitialParameters(initialModel, featureCount);
        var clock = Stopwatch.StartNew();
        double learningRate = double.NaN;
        LastL2Choice = null;
        long rows = dataset?.RowCount ?? streamed!.KeptCount;
        bool sparse = dataset?.Features.IsSparse ?? streamed!.IsSparse;
        void Resolved(ResolvedPlan resolved)
        {
            learningRate = resolved.LearningRate;
            LastL2Choice = resolved.L2Choice;
            FitLog.WarnIfDoubtful(ch, _name, resolved);

            ch.Info(MessageSensitivity.None,
                "{0}: {1} on {2} rows × {3} features ({4}), {5} loss, {6}, seed {7}{8}{9}{10}.",
                _name, resolved.Description, rows, featureCount, sparse ? "sparse" : "dense",
                options.Loss,
                FitLog.L2(resolved), seed,
                resolved.Centred ? ", centred features" : "",
                validation is null ? "" : $", validation on {validation.RowCount} rows (early stopping after {options.EarlyStoppingRound} epochs without improvement)",
                initialModel is null ? "" : ", warm start from the given model");
        }

        var progress = cancellation.Polling(new ChannelProgress(ch, options.Observer));
        var result = dataset is not null
            ? plan.Run(dataset, progress, cancellation.Token, start, validation, mayModifyData: true, resolved: Resolved)
            : plan.RunStreamed(streamed!, progress, cancellation.Token, start, validation, mayModifyData: true, resolved: Resolved);
        FitLog.Finished(ch, _name, result, clock.Elapsed, validated: validation is not null);

        return CreateTransformer(result, learningRate, input.Schema, options.FeatureColumnName);
    }

    // In memory, or streamed (DataLoading says which; Automatic streams the rows once they outgrow the memory budget).
    private (LogisticDataset? InMemory, StreamedData? Streamed) ReadTraining(IDataView input, TrainingColumns columns,
        IChannel ch, int seed, CancellationToken cancellationToken)
    {
        var options = TrainerOptions;
        if (options.DataLoading != DataLoading.Streaming)
        {
            long limit = options.DataLoading == DataLoading.Automatic ? MemoryBudget.InMemoryLimit : long.MaxValue;
            var read = DataViewReader.Read(input, columns, limit);
            if (!read.Outgrew)
            {
                return (Usable(read, ch, "training"), null);
            }

            ch.Info(MessageSensitivity.None,
                "{0}: the training rows outgrew {1:F0} MiB, a quarter of the {2:F0} MiB available to the process, after {3} rows: streaming them instead (DataLoading = Automatic).",
                _name, limit / 1048576.0, MemoryBudget.Available / 1048576.0, read.KeptCount);
        }

        long bufferBytes = options.StreamingBufferMegabytes * 1048576L;
        var streamed = StreamedData.Survey(input, columns, bufferBytes, new L2SearchOptions().MaximumRows, seed, cancellationToken);
        WarnIfSkipped(ch, streamed.SkippedCount, streamed.RowCount, "training");
        if (streamed.Sample is null)
        {
            throw NoUsableRows("training", streamed.KeptCount, streamed.RowCount, streamed.SkippedCount);
        }

        ch.Info(MessageSensitivity.None,
            "{0}: streaming {1} rows from the data view in blocks of {2} MiB, each epoch from a new cursor ({3}), the next block read while one trains; " +
            "the automatic choices and every epoch's objective (tolerance, divergence check, progress) use a uniform sample of {4} rows held in memory.",
            _name, streamed.KeptCount, options.StreamingBufferMegabytes,
            !options.Shuffle ? "in the data's order" : input.CanShuffle ? "shuffled by the data view, rows shuffled within each block" : "in the data's order, rows shuffled within each block",
            streamed.Sample.RowCount);
        return (null, streamed);
    }

    private LogisticDataset ReadRows(IDataView view, TrainingColumns columns, IChannel ch, string what) =>
        Usable(DataViewReader.Read(view, columns), ch, what);

    private LogisticDataset Usable(DataViewReader.Result data, IChannel ch, string what)
    {
        WarnIfSkipped(ch, data.SkippedCount, data.RowCount, what);
        return data.Dataset ?? throw NoUsableRows(what, data.KeptCount, data.RowCount, data.SkippedCount);
    }

    private static void WarnIfSkipped(IChannel ch, long skipped, long rows, string what)
    {
        if (skipped > 0)
        {
            ch.Warning(MessageSensitivity.None,
                "Skipped {0} of {1} rows with a non-finite feature or weight, or a negative weight, during {2}.",
                skipped, rows, what);
        }
    }

    private InvalidOperationException NoUsableRows(string what, long kept, long rows, long skipped) => new(kept == 0
        ? $"{_name} has no usable {what} rows: the data has {rows} rows and {skipped} were skipped " +
          "(a non-finite feature or weight, or a negative weight)."
        : $"{_name} has no usable {what} rows: the total example weight of the {kept} usable rows is 0.");

    private static double[] InitialParameters(LinearModelParameters? model, int featureCount)
    {
        if (model is null)
        {
            return [];
        }

        if (model.Weights.Count != featureCount)
        {
            throw new ArgumentOutOfRangeException("modelParameters", model.Weights.Count,
                $"The initial model has {model.Weights.Count} weights; the feature column has {featureCount} features.");
        }

        return [.. model.Weights.Select(w => (double)w), model.Bias];
    }

    /// <summary>
    /// The schema after scoring: the input columns plus Score (Single), Probability (Single) and PredictedLabel
    /// (Boolean), with the annotations ML.NET's binary trainers add.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A training column is missing or has the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        SchemaValidation.Check(inputSchema, TrainerOptions);
        var columns = new Dictionary<string, SchemaShape.Column>();
        foreach (var column in inputSchema)
        {
            columns[column.Name] = column;
        }

        var scalar = SchemaShape.Column.VectorKind.Scalar;
        var annotations = MlNetBridge.GetTrainerOutputAnnotations();
        foreach (var column in new[]
        {
            MlNetBridge.CreateColumn("Score", scalar, NumberDataViewType.Single, false, annotations),
            MlNetBridge.CreateColumn("Probability", scalar, NumberDataViewType.Single, false, MlNetBridge.GetTrainerOutputAnnotations(isNormalized: true)),
            MlNetBridge.CreateColumn("PredictedLabel", scalar, BooleanDataViewType.Instance, false, annotations),
        })
        {
            columns[column.Name] = column;
        }

        return new SchemaShape(columns.Values);
    }

    private BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> CreateTransformer(
        TrainingResult result, double learningRate, DataViewSchema schema, string featureColumn)
    {
        var weights = new float[result.Weights.Length];
        for (int j = 0; j < weights.Length; j++)
        {
            weights[j] = (float)result.Weights[j];
        }

        if (!float.IsFinite((float)result.Bias) || !weights.All(float.IsFinite))
        {
            throw new TrainingDivergedException(
                $"Training ended with a parameter beyond the range of Single, which ML.NET's linear model stores. " +
                $"Try a smaller learning rate (currently {learningRate:G6}).", result.Epochs, result.Steps);
        }

        var linear = MlNetBridge.CreateLinearModel(_env, new VBuffer<float>(weights.Length, weights), (float)result.Bias);
        var platt = MlNetBridge.CreatePlattCalibrator(_env, slope: -1, offset: 0);
        var model = MlNetBridge.CreateCalibratedModel(_env, linear, platt);
        return MlNetBridge.CreateBinaryPredictionTransformer(_env, model, schema, featureColumn);
    }
}
