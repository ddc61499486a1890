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

    /// <summary>Wants normalized features; reads the data into memory, so it needs no caching.</summary>
    public TrainerInfo Info { get; } = MlNetBridge.CreateTrainerInfo(normalization: true, caching: false, validation: false, incremental: false);

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
    public MulticlassPredictionTransformer<MaximumEntropyModelParameters> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = TrainerOptions;
        var columns = SchemaValidation.Check(input.Schema, options);
        int classCount = (int)((KeyDataViewType)columns.Label.Type).Count;
        var host = _env.Register(_name);
        using var cancellation = new HostCancellation(host);
        using var ch = host.Start("Training");
        var read = DataViewReader.ReadMulticlass(input, columns, classCount);
        if (read.SkippedCount > 0)
        {
            ch.Warning(MessageSensitivity.None,
                "Skipped {0} of {1} rows with a non-finite feature or weight, a negative weight or a missing label, during training.",
                read.SkippedCount, read.RowCount);
        }

        var data = read.Dataset ?? throw new InvalidOperationException(read.KeptCount == 0
            ? $"{_name} has no usable training rows: the data has {read.RowCount} rows and {read.SkippedCount} were skipped " +
              "(a non-finite feature or weight, a negative weight or a missing label)."
            : $"{_name} has no usable training rows: the total example weight of the {read.KeptCount} usable rows is 0.");
        cancellation.ThrowIfCancelled();

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
            TrainingResult result = Train(Compacted(data, present), classCount, options, host, ch, cancellation);
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

    private TrainingResult Train(MulticlassDataset data, int classCount, TOptions options, IHost host, IChannel ch, HostCancellation cancellation)
    {
        int seed = options.Seed ?? MlNetBridge.GetSeed(_env) ?? host.Rand.Next();
        var plan = TrainingPlan.For(options, seed);
        var clock = Stopwatch.StartNew();
        var result = plan.Run(data, new ChannelProgress(ch, options.Observer), cancellation.Token, mayModifyData: true, resolved: resolved =>
        {
            LastL2Choice = resolved.L2Choice;
            if (resolved.L2Choice?.Warning is { } doubt)
            {
                ch.Warning(MessageSensitivity.None, "{0}: the L2 strength {1:G4} may not suit this data: {2}.",
                    _name, resolved.L2Regularization, doubt);
            }

            ch.Info(MessageSensitivity.None,
                "{0}: {1} on {2} rows × {3} features ({4}), softmax over {5} classes{6}, {7}, seed {8}{9}.",
                _name, resolved.Description, data.RowCount, data.FeatureCount, data.Features.IsSparse ? "sparse" : "dense",
                data.ClassCount, data.ClassCount < classCount ? $" ({classCount - data.ClassCount} of the key's {classCount} absent)" : "",
                resolved.L2Choice?.Describe() ?? FormattableString.Invariant($"L2 {resolved.L2Regularization:G4} (given)"), seed,
                resolved.Centred ? ", centred features" : "");
        });
        ch.Info(MessageSensitivity.None, "{0} finished after {1} epochs ({2} steps) in {3:0.###} s: objective {4:G6}{5}.",
            _name, result.Epochs, result.Steps, clock.Elapsed.TotalSeconds, result.Objective,
            result.Converged ? ", converged within the tolerance" : "");
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

    // The rows with their classes renumbered 0 … present − 1 (the same dataset when every class is present).
    private static MulticlassDataset Compacted(MulticlassDataset data, int[] present)
    {
        if (present.Length == data.ClassCount)
        {
            return data;
        }

        var index = new int[data.ClassCount];
        for (int c = 0; c < present.Length; c++)
        {
            index[present[c]] = c;
        }

        var labels = new int[data.RowCount];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = index[data.Labels[i]];
        }

        return new MulticlassDataset(data.Features, labels, present.Length, data.Weights);
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
