using System.Diagnostics;
using AdaHessian.Data;
using AdaHessian.MLNet.Data;
using AdaHessian.MLNet.Interop;
using AdaHessian.Regularization;
using AdaHessian.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace AdaHessian.MLNet;

/// <summary>
/// What <see cref="AdaHessianMaximumEntropyTrainer"/> and <see cref="AdamMaximumEntropyTrainer"/> share: reading a
/// key label, the softmax objective through the same <c>TrainingPlan</c> as the binary trainers, logging and the
/// ML.NET model. Only the optimizer differs. The fitted model has the type LbfgsMaximumEntropy returns, so either
/// trainer replaces it in any multiclass pipeline.
/// </summary>
/// <remarks>
/// The classes are the label key's values. A class no training row holds (with a positive weight) gets weights 0
/// and the bias <see cref="AbsentClassBias"/>, so its probability is 0 on every input; the other classes are fitted
/// as a softmax over the classes present, the limit the full problem tends to (there, the absent class's unpenalized
/// bias falls without end). When the training rows hold one class only, nothing is fitted: the model predicts that
/// class with probability 1 (weights 0, its bias 0), and the choice of L2 is skipped.
/// </remarks>
/// <typeparam name="TOptions">The trainer's options.</typeparam>
public abstract class MaximumEntropyTrainerBase<TOptions>
    : ITrainerEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>, MaximumEntropyModelParameters>
    where TOptions : LogisticNeuronTrainerOptions
{
    /// <summary>The bias of a class absent from the training data: exp(score − max) is 0 in Single and Double.</summary>
    public const float AbsentClassBias = -1e30f;

    // The annotation that holds a key column's values (ML.NET's AnnotationUtils.Kinds.KeyValues).
    private const string KeyValuesKind = "KeyValues";

    private readonly IHostEnvironment _env;
    private readonly string _name;

    private protected MaximumEntropyTrainerBase(IHostEnvironment env, TOptions options, string name)
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
    /// Wants normalized features; reads the data into memory, so it needs no caching; takes a validation set and an
    /// initial model (<see cref="Fit(IDataView, IDataView)"/>, <see cref="Fit(IDataView, MaximumEntropyModelParameters)"/>).
    /// </summary>
    public TrainerInfo Info { get; } = MlNetBridge.CreateTrainerInfo(normalization: true, caching: false, validation: true, incremental: true);

    private protected TOptions TrainerOptions { get; }

    /// <summary>
    /// How the most recent <c>Fit</c> chose its L2 strength when <c>L2Regularization</c> was null (as the binary
    /// trainers' <c>LastL2Choice</c>). Null before the first fit, after a fit with a given strength, and after a fit
    /// on one class.
    /// </summary>
    public L2Choice? LastL2Choice { get; private set; }

    /// <summary>
    /// Trains on <paramref name="input"/> and returns the scoring transformer: Score = softmax(W x + b), one
    /// probability per value of the label key, and PredictedLabel = the key of the largest.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A training column is missing or has the wrong type (the label must be a key: use
    /// <c>mlContext.Transforms.Conversion.MapValueToKey</c>).
    /// </exception>
    /// <exception cref="InvalidOperationException">No row is usable (none, all skipped, or total weight 0).</exception>
    /// <exception cref="OperationCanceledException">The environment's execution was cancelled; checked before every step.</exception>
    /// <exception cref="TrainingDivergedException">
    /// The objective or a parameter became NaN or infinite, the objective rose above its value at the start, or a
    /// parameter ended beyond the range of Single.
    /// </exception>
    public MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(IDataView input) =>
        Train(input, validationData: null, initialModel: null);

    /// <summary>
    /// Trains on <paramref name="trainData"/> while scoring <paramref name="validationData"/> (its log-loss, without
    /// the L2 term) after every epoch; with <c>EarlyStoppingRound</c> &gt; 0 training stops once it has not improved
    /// for that many epochs and the best epoch's model is returned. With <c>L2Regularization</c> null the validation
    /// set also chooses the strength. Validation rows of a class no training row holds cannot be scored by the
    /// fitted softmax and are left out (the log says how many).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A column of either data view is missing or has the wrong type, or their feature columns or label keys differ in size.
    /// </exception>
    /// <exception cref="InvalidOperationException">Either data view has no usable row.</exception>
    /// <exception cref="OperationCanceledException">The environment's execution was cancelled.</exception>
    /// <exception cref="TrainingDivergedException">As for <see cref="Fit(IDataView)"/>.</exception>
    public MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(IDataView trainData, IDataView validationData)
    {
        ArgumentNullException.ThrowIfNull(validationData);
        return Train(trainData, validationData, initialModel: null);
    }

    /// <summary>
    /// Continues training from <paramref name="modelParameters"/> (warm start), as
    /// <c>LbfgsMaximumEntropy.Fit(trainData, modelParameters)</c> does: the weights and biases of a maximum-entropy
    /// model, for example <c>model.Model</c> of an earlier fit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A column is missing or has the wrong type, or the model has another number of classes or features than the data.
    /// </exception>
    /// <exception cref="InvalidOperationException">No row is usable.</exception>
    /// <exception cref="OperationCanceledException">The environment's execution was cancelled.</exception>
    /// <exception cref="TrainingDivergedException">As for <see cref="Fit(IDataView)"/>.</exception>
    public MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(IDataView trainData,
        MaximumEntropyModelParameters modelParameters)
    {
        ArgumentNullException.ThrowIfNull(modelParameters);
        return Train(trainData, validationData: null, modelParameters);
    }

    private MulticlassPredictionTransformer<MaximumEntropyModelParameters> Train(IDataView input, IDataView? validationData,
        MaximumEntropyModelParameters? initialModel)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = TrainerOptions;
        var columns = SchemaValidation.Check(input.Schema, options);
        int classCount = (int)((KeyDataViewType)columns.Label.Type).Count;
        var host = _env.Register(_name);
        using var cancellation = new HostCancellation(host);
        using var ch = host.Start("Training");
        var data = ReadRows(input, columns, classCount, ch, "training");
        cancellation.ThrowIfCancelled();
        MulticlassDataset? validation = null;
        if (validationData is not null)
        {
            var validationColumns = SchemaValidation.Check(validationData.Schema, options);
            int validationClasses = (int)((KeyDataViewType)validationColumns.Label.Type).Count;
            if (validationClasses != classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(validationData), validationClasses,
                    $"The validation label '{options.LabelColumnName}' is a key of {validationClasses} values; the training label's has {classCount}.");
            }

            validation = ReadRows(validationData, validationColumns, classCount, ch, "validation");
            if (validation.FeatureCount != data.FeatureCount)
            {
                throw new ArgumentOutOfRangeException(nameof(validationData), validation.FeatureCount,
                    $"The validation column '{options.FeatureColumnName}' has {validation.FeatureCount} features; the training data has {data.FeatureCount}.");
            }
        }

        int d = data.FeatureCount;
        int[] present = PresentClasses(data);
        var weights = new float[classCount * d];
        var biases = new float[classCount];
        Array.Fill(biases, AbsentClassBias);
        LastL2Choice = null;
        if (present.Length == 1)
        {
            biases[present[0]] = 0;
            ch.Info(MessageSensitivity.None,
                "{0}: the {1} training rows hold one class (key {2}) of {3}: it is predicted with probability 1, nothing is fitted.",
                _name, data.RowCount, present[0] + 1, classCount);
        }
        else
        {
            MulticlassDataset? scored = validation is null ? null : Compacted(validation, present, ch);
            double[] start = InitialParameters(initialModel, present, classCount, d);
            TrainingResult result = Fit(Compacted(data, present, ch), scored, start, classCount, options, host, ch, cancellation);
            double[] parameters = result.Parameters;
            for (int c = 0; c < present.Length; c++)
            {
                int k = present[c];
                for (int j = 0; j < d; j++)
                {
                    weights[k * d + j] = (float)parameters[c * (d + 1) + j];
                }

                biases[k] = (float)parameters[c * (d + 1) + d];
            }

            if (!weights.All(float.IsFinite) || !biases.All(float.IsFinite))
            {
                throw new TrainingDivergedException(
                    "Training ended with a parameter beyond the range of Single, which ML.NET's maximum-entropy model stores. " +
                    "Try a smaller learning rate.", result.Epochs, result.Steps);
            }
        }

        var model = MlNetBridge.CreateMaximumEntropyModel(_env, weights, biases, d, LabelNames(columns.Label, classCount));
        return MlNetBridge.CreateMulticlassPredictionTransformer(_env, model, input.Schema, options.FeatureColumnName, options.LabelColumnName);
    }

    private MulticlassDataset ReadRows(IDataView view, TrainingColumns columns, int classCount, IChannel ch, string what)
    {
        var read = DataViewReader.ReadMulticlass(view, columns, classCount);
        if (read.SkippedCount > 0)
        {
            ch.Warning(MessageSensitivity.None,
                "Skipped {0} of {1} rows with a non-finite feature or weight, a negative weight or a missing label, during {2}.",
                read.SkippedCount, read.RowCount, what);
        }

        return read.Dataset ?? throw new InvalidOperationException(read.KeptCount == 0
            ? $"{_name} has no usable {what} rows: the data has {read.RowCount} rows and {read.SkippedCount} were skipped " +
              "(a non-finite feature or weight, a negative weight or a missing label)."
            : $"{_name} has no usable {what} rows: the total example weight of the {read.KeptCount} usable rows is 0.");
    }

    // The start in the fitted (present classes) layout: the given model's weights and biases of those classes, or none.
    private static double[] InitialParameters(MaximumEntropyModelParameters? model, int[] present, int classCount, int d)
    {
        if (model is null)
        {
            return [];
        }

        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out int modelClasses);
        if (modelClasses != classCount || weights.Any(w => w.Length != d))
        {
            throw new ArgumentOutOfRangeException("modelParameters", modelClasses,
                $"The initial model has {modelClasses} classes of {(weights.Length > 0 ? weights[0].Length : 0)} weights; the data has {classCount} classes of {d} features.");
        }

        float[] biases = model.GetBiases().ToArray();
        var start = new double[present.Length * (d + 1)];
        for (int c = 0; c < present.Length; c++)
        {
            var dense = weights[present[c]].DenseValues().ToArray();
            for (int j = 0; j < d; j++)
            {
                start[c * (d + 1) + j] = dense[j];
            }

            start[c * (d + 1) + d] = biases[present[c]];
        }

        return start;
    }

    private TrainingResult Fit(MulticlassDataset data, MulticlassDataset? validation, double[] start, int classCount, TOptions options,
        IHost host, IChannel ch, HostCancellation cancellation)
    {
        int seed = options.Seed ?? MlNetBridge.GetSeed(_env) ?? host.Rand.Next();
        var plan = TrainingPlan.For(options, seed);
        var clock = Stopwatch.StartNew();
        var result = plan.Run(data, cancellation.Polling(new ChannelProgress(ch, options.Observer)), cancellation.Token, start, validation,
            mayModifyData: true, resolved: resolved =>
        {
            LastL2Choice = resolved.L2Choice;
            FitLog.WarnIfDoubtful(ch, _name, resolved);

            ch.Info(MessageSensitivity.None,
                "{0}: {1} on {2} rows × {3} features ({4}), softmax over {5} classes{6}, {7}, seed {8}{9}.",
                _name, resolved.Description, data.RowCount, data.FeatureCount, data.Features.IsSparse ? "sparse" : "dense",
                data.ClassCount, data.ClassCount < classCount ? $" ({classCount - data.ClassCount} of the key's {classCount} absent)" : "",
                FitLog.L2(resolved), seed,
                resolved.Centred ? ", centred features" : "");
        });
        FitLog.Finished(ch, _name, result, clock.Elapsed, validated: validation is not null);
        return result;
    }

    // The classes some row of positive weight holds, in key order.
    private static int[] PresentClasses(MulticlassDataset data)
    {
        var weight = new double[data.ClassCount];
        for (int i = 0; i < data.RowCount; i++)
        {
            weight[data.Labels[i]] += data.Weights is null ? 1 : data.Weights[i];
        }

        return [.. Enumerable.Range(0, data.ClassCount).Where(k => weight[k] > 0)];
    }

    // The rows with their classes renumbered 0 … present − 1 (the same dataset when every class is present). Rows of a
    // class not present (validation rows only: the training rows define what is present) are left out, and said so.
    private MulticlassDataset Compacted(MulticlassDataset data, int[] present, IChannel ch)
    {
        if (present.Length == data.ClassCount)
        {
            return data;
        }

        var index = new int[data.ClassCount];
        Array.Fill(index, -1);
        for (int c = 0; c < present.Length; c++)
        {
            index[present[c]] = c;
        }

        int[] kept = [.. Enumerable.Range(0, data.RowCount).Where(i => index[data.Labels[i]] >= 0)];
        if (kept.Length < data.RowCount)
        {
            ch.Warning(MessageSensitivity.None,
                "{0}: left {1} of {2} validation rows out: their class holds no training row, so the fitted softmax cannot score them.",
                _name, data.RowCount - kept.Length, data.RowCount);
        }

        int[] labels = [.. kept.Select(i => index[data.Labels[i]])];
        FeatureMatrix features = kept.Length == data.RowCount ? data.Features : data.Features.SelectRows(kept);
        float[]? weights = data.Weights is null ? null : [.. kept.Select(i => data.Weights[i])];
        return new MulticlassDataset(features, labels, present.Length, weights);
    }

    // The key's text values when they name every class once (as LbfgsMaximumEntropy takes them), else null.
    private static string[]? LabelNames(DataViewSchema.Column label, int classCount)
    {
        var type = label.Annotations.Schema.GetColumnOrNull(KeyValuesKind)?.Type;
        if (type is not VectorDataViewType { ItemType: TextDataViewType, Size: var size } || size != classCount)
        {
            return null;
        }

        var values = default(VBuffer<ReadOnlyMemory<char>>);
        label.Annotations.GetValue(KeyValuesKind, ref values);
        if (!values.IsDense)
        {
            return null;
        }

        var names = new string[classCount];
        var seen = new HashSet<string>();
        ReadOnlySpan<ReadOnlyMemory<char>> span = values.GetValues();
        for (int k = 0; k < classCount; k++)
        {
            names[k] = span[k].ToString();
            if (names[k].Length == 0 || !seen.Add(names[k]))
            {
                return null;
            }
        }

        return names;
    }

    /// <summary>
    /// The schema after scoring: the input columns plus Score (a vector of Single, one probability per class) and
    /// PredictedLabel (the label's key type), with the annotations ML.NET's multiclass trainers add.
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

        var label = columns[TrainerOptions.LabelColumnName];
        var predicted = new SchemaShape(label.Annotations.Where(a => a.Name == KeyValuesKind)
            .Concat(MlNetBridge.GetTrainerOutputAnnotations()));
        foreach (var column in new[]
        {
            MlNetBridge.CreateColumn("Score", SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false,
                MlNetBridge.GetMulticlassScoreAnnotations(label)),
            MlNetBridge.CreateColumn("PredictedLabel", SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, true, predicted),
        })
        {
            columns[column.Name] = column;
        }

        return new SchemaShape(columns.Values);
    }
}
