using AdaHessian.Data;
using AdaHessian.MLNet.Data;
using AdaHessian.Objective;
using AdaHessian.Optimizers;
using AdaHessian.Regularization;
using AdaHessian.Training;

namespace AdaHessian.MLNet;

/// <summary>
/// The one place where a trainer's options become core settings: the objective's loss, L2 and threads; the choices
/// made from the data when an option is left automatic (batch size, step budget, learning rate); centring; the
/// optimizer chain with its schedule; and the schedule's curvature source. The binary trainers (a logistic neuron) and
/// the multiclass ones (a softmax layer) fit with it alike; the study and the benchmarks build the same runs from it. Building a plan applies the core's rules, which name the offending option
/// with the same name as the trainer's field.
/// </summary>
internal sealed class TrainingPlan
{
    // The probe seed of the learning-rate power iteration, apart from the shuffle's and the Hutchinson probes'.
    private const int SpectrumSeedSalt = 0x5DEECE6;

    // The seed of the L2 search's folds and probes.
    private const int RegularizationSeedSalt = 0x2545F49;

    private readonly LogisticNeuronTrainerOptions _options;

    private TrainingPlan(LogisticNeuronTrainerOptions options, int seed)
    {
        _options = options;
        Seed = seed;
    }

    /// <summary>The seed of shuffling and probes.</summary>
    public int Seed { get; }

    /// <summary>The plan for <paramref name="options"/> with the given seed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public static TrainingPlan For(LogisticNeuronTrainerOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.L2Regularization is { } l2)
        {
            OptionChecks.NonNegative(l2, nameof(options.L2Regularization));
        }

        OptionChecks.Defined(options.L2Selection, nameof(options.L2Selection));
        OptionChecks.Defined(options.Loss, nameof(options.Loss));
        if (options.IsMulticlass && options.Loss != LossKind.LogLoss)
        {
            throw new ArgumentOutOfRangeException(nameof(options.Loss), options.Loss,
                "The multiclass trainers fit a softmax by its log-loss only: leave Loss at LogLoss.");
        }

        OptionChecks.NullOrAtLeastOne(options.NumberOfThreads, nameof(options.NumberOfThreads), "every core");
        OptionChecks.Defined(options.DataLoading, nameof(options.DataLoading));
        OptionChecks.AtLeastOne(options.StreamingBufferMegabytes, nameof(options.StreamingBufferMegabytes));
        if (options.IsMulticlass && options.DataLoading == DataLoading.Streaming)
        {
            throw new ArgumentOutOfRangeException(nameof(options.DataLoading), options.DataLoading,
                "The multiclass trainers read their data into memory: leave DataLoading at Automatic or InMemory.");
        }

        OptionChecks.Defined(options.LearningRateDecay, nameof(options.LearningRateDecay));
        OptionChecks.NullOrAtLeastOne(options.BatchSize, nameof(options.BatchSize), "automatic");
        var plan = new TrainingPlan(options, seed);
        plan.Training(batchSize: 1).Validate();
        double rate = options.LearningRate ?? 1;
        options.CreateOptimizer(rate, options.GivenOrDefaultBeta1, new ConstantLearningRate(rate));
        return plan;
    }

    /// <summary>The objective this plan minimizes on <paramref name="data"/> with L2 strength <paramref name="l2Regularization"/>.</summary>
    public LogisticObjective CreateObjective(LogisticDataset data, double l2Regularization) =>
        (LogisticObjective)CreateObjective(TrainingRows.Of(data), l2Regularization);

    /// <summary>The softmax objective this plan minimizes on <paramref name="data"/> with L2 strength <paramref name="l2Regularization"/>.</summary>
    public SoftmaxObjective CreateObjective(MulticlassDataset data, double l2Regularization) =>
        (SoftmaxObjective)CreateObjective(TrainingRows.Of(data), l2Regularization);

    private IObjective CreateObjective(TrainingRows data, double l2Regularization) =>
        data.CreateObjective(_options.Loss, l2Regularization, _options.NumberOfThreads);

    /// <summary>
    /// The L2 strength: the given one, or the one <see cref="L2Search"/> chooses on <paramref name="data"/> (scored on
    /// <paramref name="validation"/> when given and the selection allows it), rounded to Single so that giving the
    /// chosen number as the option fits bit for bit the same model.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>L2Selection</c> is ValidationSet without a validation set.</exception>
    private (double L2Regularization, L2Choice? Choice) ChooseL2(TrainingRows data, ReadOnlySpan<double> start,
        TrainingRows? validation, CancellationToken cancellationToken)
    {
        if (_options.L2Regularization is { } given)
        {
            return (given, null);
        }

        L2Method method = _options.L2Selection;
        if (method == L2Method.ValidationSet && validation is null)
        {
            throw new ArgumentOutOfRangeException(nameof(_options.L2Selection), method,
                "L2Selection = ValidationSet chooses L2Regularization on a validation set: call Fit(trainData, validationData), or choose CrossValidation or Evidence.");
        }

        if (method == L2Method.CrossValidation && validation is not null)
        {
            method = L2Method.ValidationSet;
        }

        var search = new L2SearchOptions { Seed = unchecked(Seed ^ RegularizationSeedSalt) };
        search = search with { MaximumRows = SearchRows(data, search.MaximumRows) };
        L2Choice choice = L2Search.Choose(CreateObjective(data, 0), data.Classes(), data.Weights, method, search, start,
            validation is null ? null : CreateObjective(validation, 0), cancellationToken);
        choice = choice with { L2Regularization = (float)choice.L2Regularization };
        return (choice.L2Regularization, choice);
    }

    // The search's passes cost rows × stored values a row × blocks (a softmax layer reads each row once per class): a
    // sample whose pass does at most this much work keeps the search to seconds (a 10-class softmax on 784 pixels is
    // searched on about 4,300 rows), and λ in ML.NET's units carries over from the sample.
    private const long SearchWork = 1L << 25;

    internal static int SearchRows(TrainingRows data, int maximumRows)
    {
        double valuesPerRow = Math.Max(1, (double)data.Features.StoredValueCount / Math.Max(1, data.Features.RowCount));
        double work = valuesPerRow * data.Layout.Blocks;
        return (int)Math.Clamp(SearchWork / work, 2, maximumRows);
    }

    /// <summary>
    /// Settles what the options leave to the data — batch size, epochs for the minimum number of steps, η — and builds
    /// the optimizer and the loop's settings, for training <paramref name="objective"/> from <paramref name="start"/>.
    /// </summary>
    /// <param name="objective">The objective (of every row, or of a sample of a streamed data set's rows).</param>
    /// <param name="start">The starting point.</param>
    /// <param name="rows">Rows in an epoch.</param>
    /// <param name="storedValues">Feature values those rows store.</param>
    /// <param name="retry">Set when an earlier attempt with the automatic η diverged.</param>
    public ResolvedPlan Resolve(IObjective objective, ReadOnlySpan<double> start, long rows, long storedValues,
        DivergenceRetry? retry = null)
    {
        int features = objective.Layout.WeightsPerBlock;
        int batch = _options.BatchSize is { } b ? (int)Math.Min(b, rows) : AutomaticBudget.BatchSize(rows, features, storedValues);
        bool fullBatch = batch >= rows;
        int epochs = AutomaticBudget.Epochs(rows, batch, _options.NumberOfEpochs, _options.MinimumNumberOfSteps);
        long steps = AutomaticBudget.Steps(rows, batch, epochs);
        (double rate, double beta1, string how) = _options.LearningRate is { } given
            ? (given, _options.GivenOrDefaultBeta1, "given")
            : _options.AutomaticLearningRate(objective, start, batch, fullBatch, unchecked(Seed ^ SpectrumSeedSalt));
        if (_options.LearningRate is null && !fullBatch && batch < AutomaticBudget.MinimumBatch)
        {
            // Smaller batches than the ones the rates were measured on are noisier: scale η down with the batch.
            rate *= (double)batch / AutomaticBudget.MinimumBatch;
            how += $", × {batch}/{AutomaticBudget.MinimumBatch} for the small batch";
        }

        if (retry is { } again)
        {
            (rate, beta1, how) = again.Apply(rate, beta1, _options.GivenOrDefaultBeta1, how);
        }
        ILearningRateSchedule schedule = LearningRateSchedules.Create(_options.LearningRateDecay, rate, steps);
        Optimizer optimizer = _options.CreateOptimizer(rate, beta1, schedule);
        var description = $"{_options.Describe(optimizer)}, η {rate:G4} ({how}), β₁ {beta1:G4}, {_options.LearningRateDecay} decay over {steps} steps, " +
            $"batch {(fullBatch ? "full" : batch.ToString(System.Globalization.CultureInfo.InvariantCulture))}, {epochs} epochs";
        return new ResolvedPlan(description, optimizer, Training(batch) with { NumberOfEpochs = epochs }, rate, steps,
            Centred: false) { Retry = retry };
    }

    // Trains with the plan of attempt 0, and again with a smaller η while an automatic η diverges (DivergenceRetry).
    private TrainingResult Train(Func<DivergenceRetry?, ResolvedPlan> resolve, Action<ResolvedPlan>? resolved,
        Func<ResolvedPlan, TrainingResult> train)
    {
        DivergenceRetry? retry = null;
        while (true)
        {
            ResolvedPlan plan = resolve(retry);
            resolved?.Invoke(plan);
            try
            {
                return train(plan);
            }
            catch (TrainingDivergedException e) when (_options.LearningRate is null && (retry?.Attempt ?? 0) < DivergenceRetry.MaximumRetries)
            {
                retry = DivergenceRetry.After((retry?.Attempt ?? 0) + 1, e);
            }
        }
    }

    /// <summary>
    /// Runs the plan on <paramref name="data"/> from zeros (or <paramref name="initialParameters"/>), scoring
    /// <paramref name="validation"/> (its loss without the L2 term) after every epoch when given. With
    /// <c>CenterFeatures</c> dense data is centred first — in place when <paramref name="mayModifyData"/>, else on a
    /// copy — and the result, the observer's reports and the start are in the model's own coordinates.
    /// </summary>
    /// <param name="data">The training rows.</param>
    /// <param name="observer">Told after every epoch.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <param name="initialParameters">The start, weights then bias; empty for zeros.</param>
    /// <param name="validation">Rows scored after every epoch, for early stopping.</param>
    /// <param name="mayModifyData">Whether the data may be centred in place (the caller owns it).</param>
    /// <param name="resolved">Told the settled plan before the first step (the trainers log it).</param>
    public TrainingResult Run(LogisticDataset data, IProgress<TrainingProgress>? observer = null,
        CancellationToken cancellationToken = default, ReadOnlySpan<double> initialParameters = default,
        LogisticDataset? validation = null, bool mayModifyData = false, Action<ResolvedPlan>? resolved = null) =>
        Run(TrainingRows.Of(data), observer, cancellationToken, initialParameters,
            validation is null ? null : TrainingRows.Of(validation), mayModifyData, resolved);

    /// <summary>
    /// Runs the plan on a softmax layer's rows, as <see cref="Run(LogisticDataset, IProgress{TrainingProgress}?,
    /// CancellationToken, ReadOnlySpan{double}, LogisticDataset?, bool, Action{ResolvedPlan}?)"/> does on a logistic
    /// neuron's: parameters class-major (block k = w_k then b_k), every block's bias absorbing the centring shift.
    /// </summary>
    public TrainingResult Run(MulticlassDataset data, IProgress<TrainingProgress>? observer = null,
        CancellationToken cancellationToken = default, ReadOnlySpan<double> initialParameters = default,
        MulticlassDataset? validation = null, bool mayModifyData = false, Action<ResolvedPlan>? resolved = null) =>
        Run(TrainingRows.Of(data), observer, cancellationToken, initialParameters,
            validation is null ? null : TrainingRows.Of(validation), mayModifyData, resolved);

    private TrainingResult Run(TrainingRows data, IProgress<TrainingProgress>? observer, CancellationToken cancellationToken,
        ReadOnlySpan<double> initialParameters, TrainingRows? validation, bool mayModifyData, Action<ResolvedPlan>? resolved)
    {
        if (_options.CenterFeatures && IsDenseEnough(data.Features))
        {
            // Stored sparse but at least half full (images, for example): dense takes no more memory, and can be centred.
            data = Densified(data);
            validation = validation is null ? null : Densified(validation);
            mayModifyData = true;
        }

        double[]? means = _options.CenterFeatures && !data.Features.IsSparse && data.Features.ColumnCount > 0
            ? FeatureCentering.ColumnMeans(data.Features, data.Weights, data.TotalWeight)
            : null;
        double[] start = initialParameters.IsEmpty ? new double[data.Layout.ParameterCount] : initialParameters.ToArray();
        if (means is not null)
        {
            data = Centered(data, means, mayModifyData);
            validation = validation is null ? null : Centered(validation, means, mayModifyData);
            start = FeatureCentering.ToCentered(start, means);
        }

        (double l2, L2Choice? choice) = ChooseL2(data, start, validation, cancellationToken);
        observer = observer is null ? null : new ModelCoordinatesObserver(observer, means, l2);
        IObjective objective = CreateObjective(data, l2);
        IObjective? validationObjective = validation is null ? null : CreateObjective(validation, 0);
        TrainingResult result = Train(
            retry => Resolve(objective, start, objective.AllRows.Length, data.Features.StoredValueCount, retry) with
            {
                Centred = means is not null,
                L2Regularization = l2,
                L2Choice = choice,
            },
            resolved,
            plan => TrainingLoop.Run(objective, plan.Optimizer, plan.Training, start, observer, cancellationToken, validationObjective));
        return means is null ? result : result with { Parameters = FeatureCentering.FromCentered(result.Parameters, means) };
    }

    /// <summary>
    /// Runs the plan on rows streamed from their data view a block at a time (<see cref="StreamedData"/>), as
    /// <see cref="Run(LogisticDataset, IProgress{TrainingProgress}?, CancellationToken, ReadOnlySpan{double}, LogisticDataset?, bool, Action{ResolvedPlan}?)"/>
    /// runs it in memory: the batch size and step budget come from the full data's shape; the L2 strength, η and every
    /// epoch's objective (the tolerance, the divergence check, the observer) from the survey's sample; dense blocks
    /// are centred by the full data's means as they arrive.
    /// </summary>
    public TrainingResult RunStreamed(StreamedData data, IProgress<TrainingProgress>? observer = null,
        CancellationToken cancellationToken = default, ReadOnlySpan<double> initialParameters = default,
        LogisticDataset? validation = null, bool mayModifyData = false, Action<ResolvedPlan>? resolved = null)
    {
        TrainingRows sample = TrainingRows.Of(data.Sample ?? throw new ArgumentException("The data has no usable row.", nameof(data)));
        TrainingRows? validationRows = validation is null ? null : TrainingRows.Of(validation);
        bool denseEnough = !data.IsSparse || data.StoredValues * 2 >= data.KeptCount * data.FeatureCount;
        double[]? means = _options.CenterFeatures && denseEnough && data.FeatureCount > 0 ? data.ColumnMeans() : null;
        double[] start = initialParameters.IsEmpty ? new double[sample.Layout.ParameterCount] : initialParameters.ToArray();
        if (means is not null)
        {
            sample = Centered(Densified(sample), means, inPlace: true);
            validationRows = validationRows is null ? null : Centered(Densified(validationRows), means, mayModifyData);
            start = FeatureCentering.ToCentered(start, means);
        }

        (double l2, L2Choice? choice) = ChooseL2(sample, start, validationRows, cancellationToken);
        observer = observer is null ? null : new ModelCoordinatesObserver(observer, means, l2);
        // F_B normalises λ by the rows' own weight: the sample and every block penalise as the whole data does.
        double PenaltyOf(TrainingRows rows) => l2 * rows.TotalWeight / data.TotalWeight;
        IObjective sampleObjective = CreateObjective(sample, PenaltyOf(sample));
        IObjective? validationObjective = validationRows is null ? null : CreateObjective(validationRows, 0);
        TrainingResult result = Train(
            retry => Resolve(sampleObjective, start, data.KeptCount, data.StoredValues, retry) with
            {
                Centred = means is not null,
                L2Regularization = l2,
                L2Choice = choice,
            },
            resolved,
            plan =>
            {
                IRowBlockSource blocks = data.Blocks(plan.Training.BatchSize!.Value, _options.Shuffle ? Seed : null,
                    block =>
                    {
                        TrainingRows rows = means is null ? TrainingRows.Of(block) : Centered(Densified(TrainingRows.Of(block)), means, inPlace: true);
                        return CreateObjective(rows, PenaltyOf(rows));
                    });
                return TrainingLoop.RunStreamed(blocks, sampleObjective, plan.Optimizer, plan.Training, start, observer,
                    cancellationToken, validationObjective);
            });
        return means is null ? result : result with { Parameters = FeatureCentering.FromCentered(result.Parameters, means) };
    }

    private TrainingOptions Training(int batchSize) => new()
    {
        NumberOfEpochs = _options.NumberOfEpochs,
        BatchSize = batchSize,
        Shuffle = _options.Shuffle,
        Seed = Seed,
        OptimizationTolerance = _options.OptimizationTolerance,
        MinimumNumberOfSteps = _options.MinimumNumberOfSteps,
        EarlyStoppingRound = _options.EarlyStoppingRound,
        Curvature = _options.CreateCurvature(),
        History = HistoryGranularity.None,
        RecordParameters = false,
    };

    // A CSR value costs 8 bytes (value and column), a dense one 4: from half full on, dense is no larger.
    private static bool IsDenseEnough(FeatureMatrix x) => x.IsSparse && x.StoredValueCount * 2 >= (long)x.RowCount * x.ColumnCount;

    private static TrainingRows Densified(TrainingRows data) => data.Features.IsSparse ? DenseCopy(data) : data;

    private static TrainingRows DenseCopy(TrainingRows data) =>
        data.With(FeatureMatrix.Dense(data.Features.RowCount, data.Features.ColumnCount, data.Features.ToDenseArray()));

    private static TrainingRows Centered(TrainingRows data, double[] means, bool inPlace)
    {
        if (!inPlace)
        {
            data = DenseCopy(data);
        }

        FeatureCentering.Subtract(data.Features, means);
        return data;
    }

    // Reports the parameters in the model's coordinates, as the user's data has them, and the L2 strength in use.
    private sealed class ModelCoordinatesObserver(IProgress<TrainingProgress> inner, double[]? means, double l2)
        : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with
        {
            Parameters = means is null ? value.Parameters : FeatureCentering.FromCentered(value.Parameters.Span, means),
            L2Regularization = l2,
        });
    }
}
