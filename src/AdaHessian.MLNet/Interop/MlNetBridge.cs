using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace AdaHessian.MLNet.Interop;

/// <summary>
/// The only place that reaches into ML.NET internals. ML.NET keeps the constructors of its model, calibrator,
/// transformer and <see cref="TrainerInfo"/> types internal, and hides a catalog's environment; this class finds
/// those members once (lazily, thread-safe) and exposes them as ordinary typed methods.
/// </summary>
/// <remarks>
/// Tested (by CI, on every change) with each Microsoft.ML version in <see cref="TestedMlNetVersions"/>. If a member
/// is missing from the loaded ML.NET, every call throws <see cref="NotSupportedException"/> naming the running
/// Microsoft.ML version, the member that moved, and what the loaded version has in its place.
/// </remarks>
internal static class MlNetBridge
{
    /// <summary>
    /// The Microsoft.ML versions this class is tested with. The lowest is the package's minimum dependency; keep the
    /// list in step with the versions CI runs (.ci/run).
    /// </summary>
    internal static readonly IReadOnlyList<string> TestedMlNetVersions = ["5.0.1", "6.0.0"];

    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Lazy<Members> Resolved = new(Members.Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The version of the loaded Microsoft.ML, e.g. <c>5.0.1</c> (informational version, build metadata dropped).</summary>
    internal static string LoadedMlNetVersion { get; } = ReadLoadedVersion();

    /// <summary>Resolves every member now, so that an unsupported ML.NET fails before any training starts.</summary>
    /// <exception cref="NotSupportedException">A member is missing from the loaded ML.NET.</exception>
    internal static void EnsureSupported() => _ = Resolved.Value;

    /// <summary>Creates a linear model with score w·x + b, without training statistics.</summary>
    /// <param name="env">The environment (an <see cref="MLContext"/> is one).</param>
    /// <param name="weights">The weights w. They are copied: ML.NET's constructor would keep (alias) a dense buffer.</param>
    /// <param name="bias">The bias b.</param>
    internal static LinearBinaryModelParameters CreateLinearModel(IHostEnvironment env, in VBuffer<float> weights, float bias)
    {
        ArgumentNullException.ThrowIfNull(env);
        var own = default(VBuffer<float>);
        weights.CopyTo(ref own);
        return (LinearBinaryModelParameters)Create(Resolved.Value.LinearModel, env, own, bias, null);
    }

    /// <summary>Creates a Platt calibrator: P(score) = 1 / (1 + exp(slope·score + offset)).</summary>
    /// <remarks>Slope −1 and offset 0 give P = σ(score), as LbfgsLogisticRegression uses.</remarks>
    internal static PlattCalibrator CreatePlattCalibrator(IHostEnvironment env, double slope, double offset)
    {
        ArgumentNullException.ThrowIfNull(env);
        return (PlattCalibrator)Create(Resolved.Value.Platt, env, slope, offset);
    }

    /// <summary>
    /// Pairs a linear model with its calibrator as a
    /// <c>ParameterMixingCalibratedModelParameters&lt;LinearBinaryModelParameters, PlattCalibrator&gt;</c>,
    /// the same concrete type that LbfgsLogisticRegression produces.
    /// </summary>
    internal static CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> CreateCalibratedModel(
        IHostEnvironment env, LinearBinaryModelParameters sub, PlattCalibrator cal)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(sub);
        ArgumentNullException.ThrowIfNull(cal);
        return (CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>)Create(Resolved.Value.Calibrated, env, sub, cal);
    }

    /// <summary>Wraps a trained model in the transformer that binary trainers return from <c>Fit</c>.</summary>
    /// <param name="env">The environment.</param>
    /// <param name="model">The trained model.</param>
    /// <param name="trainSchema">The schema of the training data.</param>
    /// <param name="featureColumn">The name of the feature column.</param>
    /// <param name="threshold">PredictedLabel is true when the threshold column exceeds this value.</param>
    /// <param name="thresholdColumn">The output column compared with <paramref name="threshold"/>.</param>
    internal static BinaryPredictionTransformer<TModel> CreateBinaryPredictionTransformer<TModel>(IHostEnvironment env, TModel model,
        DataViewSchema trainSchema, string featureColumn, float threshold = 0f, string thresholdColumn = "Score")
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainSchema);
        ArgumentException.ThrowIfNullOrEmpty(featureColumn);
        ArgumentException.ThrowIfNullOrEmpty(thresholdColumn);
        var open = Resolved.Value.Transformer;
        var closed = (ConstructorInfo)MethodBase.GetMethodFromHandle(open.MethodHandle, typeof(BinaryPredictionTransformer<TModel>).TypeHandle)!;
        return (BinaryPredictionTransformer<TModel>)Create(closed, env, model, trainSchema, featureColumn, threshold, thresholdColumn);
    }

    /// <summary>
    /// Creates ML.NET's maximum-entropy (multinomial logistic) model, the type LbfgsMaximumEntropy returns: Score =
    /// softmax(W x + b), without training statistics.
    /// </summary>
    /// <param name="env">The environment.</param>
    /// <param name="weights">The weights, class-major: row k holds class k's <paramref name="featureCount"/> weights.</param>
    /// <param name="biases">One bias per class.</param>
    /// <param name="featureCount">The feature vector's length, ≥ 1.</param>
    /// <param name="labelNames">The class names for the model's summary (null: ML.NET's Class_k), one per class.</param>
    internal static MaximumEntropyModelParameters CreateMaximumEntropyModel(IHostEnvironment env, ReadOnlySpan<float> weights,
        ReadOnlySpan<float> biases, int featureCount, string[]? labelNames)
    {
        ArgumentNullException.ThrowIfNull(env);
        int classes = biases.Length;
        if (classes < 1 || featureCount < 1 || weights.Length != (long)classes * featureCount || (labelNames is not null && labelNames.Length != classes))
        {
            throw new ArgumentOutOfRangeException(nameof(weights), "Must hold classes × features weights, one bias and at most one name per class.");
        }

        // ML.NET's flat layout: the biases first, then each class's weights.
        var flat = new float[classes + weights.Length];
        biases.CopyTo(flat);
        weights.CopyTo(flat.AsSpan(classes));
        return (MaximumEntropyModelParameters)Create(Resolved.Value.MaximumEntropy, env, new VBuffer<float>(flat.Length, flat), classes,
            featureCount, labelNames, null);
    }

    /// <summary>
    /// Wraps a trained multiclass model in the transformer multiclass trainers return from <c>Fit</c>: Score (one
    /// probability per class) and PredictedLabel (a key with the training label's key values).
    /// </summary>
    /// <param name="env">The environment.</param>
    /// <param name="model">The trained model.</param>
    /// <param name="trainSchema">The schema of the training data.</param>
    /// <param name="featureColumn">The name of the feature column.</param>
    /// <param name="labelColumn">The name of the key label column, whose key values PredictedLabel takes.</param>
    internal static MulticlassPredictionTransformer<TModel> CreateMulticlassPredictionTransformer<TModel>(IHostEnvironment env, TModel model,
        DataViewSchema trainSchema, string featureColumn, string labelColumn)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainSchema);
        ArgumentException.ThrowIfNullOrEmpty(featureColumn);
        ArgumentException.ThrowIfNullOrEmpty(labelColumn);
        var open = Resolved.Value.MulticlassTransformer;
        var closed = (ConstructorInfo)MethodBase.GetMethodFromHandle(open.MethodHandle, typeof(MulticlassPredictionTransformer<TModel>).TypeHandle)!;
        object?[] args = closed.GetParameters().Length == 7
            ? [env, model, trainSchema, featureColumn, labelColumn, "Score", "PredictedLabel"]
            : [env, model, trainSchema, featureColumn, labelColumn];
        return (MulticlassPredictionTransformer<TModel>)Create(closed, args);
    }

    /// <summary>
    /// The annotations ML.NET's multiclass trainers put on their Score column
    /// (<c>AnnotationUtils.AnnotationsForMulticlassScoreColumn</c>): the trainer-output kinds, and slot names from the
    /// label's key values.
    /// </summary>
    internal static SchemaShape GetMulticlassScoreAnnotations(SchemaShape.Column? labelColumn) =>
        new((IEnumerable<SchemaShape.Column>)Invoke(Resolved.Value.MulticlassScoreAnnotation, labelColumn));

    /// <summary>
    /// Returns the environment behind a trainers catalog, such as <c>mlContext.BinaryClassification.Trainers</c> or
    /// <c>mlContext.MulticlassClassification.Trainers</c> (ML.NET's <c>Owner.Environment</c>, both internal).
    /// </summary>
    internal static IHostEnvironment GetEnvironment(TrainCatalogBase.CatalogInstantiatorBase catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var members = Resolved.Value;
        var owner = members.CatalogOwner.GetValue(catalog);
        return (IHostEnvironment)members.CatalogEnvironment.GetValue(owner)!;
    }

    /// <summary>
    /// Returns the seed an <see cref="MLContext"/> was created with (ML.NET's internal <c>IHostEnvironmentInternal.Seed</c>),
    /// or null when it was created without one or <paramref name="env"/> is not one of ML.NET's environments.
    /// Hosts registered from the context share its seed.
    /// </summary>
    internal static int? GetSeed(IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var members = Resolved.Value;
        return members.EnvironmentInternal.IsInstanceOfType(env) ? (int?)members.EnvironmentSeed.GetValue(env) : null;
    }

    /// <summary>
    /// True once the environment's execution was cancelled (<c>MLContext.CancelExecution</c>, internal, as AutoML calls
    /// it; hosts registered from the context are cancelled with it): ML.NET's internal <c>ICancelable.IsCanceled</c>.
    /// False for an environment that cannot be cancelled.
    /// </summary>
    internal static bool IsCancellationRequested(IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var members = Resolved.Value;
        return members.Cancelable.IsInstanceOfType(env) && (bool)members.CancelableIsCanceled.GetValue(env)!;
    }

    /// <summary>The <see cref="SchemaShape"/> of a schema (ML.NET's internal <c>SchemaShape.Create</c>).</summary>
    internal static SchemaShape CreateSchemaShape(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return (SchemaShape)Invoke(Resolved.Value.ShapeOfSchema, schema);
    }

    /// <summary>Creates a <see cref="SchemaShape.Column"/> (its constructor is internal).</summary>
    /// <param name="name">The column name.</param>
    /// <param name="kind">Scalar, known-size vector or variable-size vector.</param>
    /// <param name="itemType">The item type.</param>
    /// <param name="isKey">Whether the item type is a key type.</param>
    /// <param name="annotations">The column's annotations, or null for none.</param>
    internal static SchemaShape.Column CreateColumn(string name, SchemaShape.Column.VectorKind kind, DataViewType itemType,
        bool isKey, SchemaShape? annotations = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(itemType);
        return (SchemaShape.Column)Create(Resolved.Value.ShapeColumn, name, kind, itemType, isKey, annotations);
    }

    /// <summary>
    /// The annotations ML.NET's trainers put on their Score, Probability and PredictedLabel columns
    /// (<c>AnnotationUtils.GetTrainerOutputAnnotation</c>): score column set id, score column kind and score value
    /// kind, plus IsNormalized when <paramref name="isNormalized"/>.
    /// </summary>
    internal static SchemaShape GetTrainerOutputAnnotations(bool isNormalized = false) =>
        new((IEnumerable<SchemaShape.Column>)Invoke(Resolved.Value.TrainerOutputAnnotation, isNormalized));

    /// <summary>
    /// Creates the <see cref="TrainerInfo"/> of a trainer through its internal constructor. The trainer is
    /// described as producing a calibrated model (no calibration needed) and taking no test set.
    /// </summary>
    /// <param name="normalization">Whether the trainer wants normalized features.</param>
    /// <param name="caching">Whether the trainer reads the data several times and so benefits from caching.</param>
    /// <param name="validation">Whether the trainer takes a validation set.</param>
    /// <param name="incremental">Whether the trainer continues from an initial model.</param>
    internal static TrainerInfo CreateTrainerInfo(bool normalization = true, bool caching = false, bool validation = false,
        bool incremental = false) =>
        (TrainerInfo)Create(Resolved.Value.Info, normalization, false, caching, validation, incremental, false);

    /// <summary>Returns <paramref name="member"/> or throws the bridge's <see cref="NotSupportedException"/> naming it.</summary>
    /// <param name="member">The member found, or null.</param>
    /// <param name="name">The member looked for, with its type and signature.</param>
    /// <param name="found">
    /// Lists what the loaded ML.NET has in its place (e.g. the constructors it does have), or returns null; called only
    /// when <paramref name="member"/> is null.
    /// </param>
    internal static T Require<T>(T? member, string name, Func<string?>? found = null)
        where T : MemberInfo =>
        member ?? throw MissingMember(name, found?.Invoke());

    /// <summary>The bridge's error for a member that the loaded ML.NET lacks.</summary>
    internal static NotSupportedException MissingMember(string name, string? found = null) =>
        new($"AdaHessian.MLNet cannot run on the loaded Microsoft.ML {LoadedMlNetVersion}: the internal member {name}, " +
            $"which it reaches by reflection, is missing there (it exists in Microsoft.ML {string.Join(" and ", TestedMlNetVersions)}, " +
            "the versions AdaHessian.MLNet is tested with). " +
            (found is null ? "" : $"Microsoft.ML {LoadedMlNetVersion} has instead: {found}. ") +
            $"Reference a tested version of Microsoft.ML, or an AdaHessian.MLNet release that supports {LoadedMlNetVersion}.");

    private const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>Finds a type by full name, or throws the bridge's error listing same-named types.</summary>
    internal static Type TypeIn(Assembly assembly, string fullName) =>
        Require(assembly.GetType(fullName), $"type {fullName} (in {assembly.GetName().Name})",
            () => Found(LoadableTypes(assembly).Where(t => t.Name == fullName[(fullName.LastIndexOf('.') + 1)..]).Select(t => $"type {t.FullName}")));

    /// <summary>Finds a static method by name and parameter types, or throws the bridge's error listing its overloads.</summary>
    internal static MethodInfo Method(Type type, string name, params Type[] parameters) =>
        Require(type.GetMethod(name, Static, parameters), $"{Signature(type, "." + name, parameters)} method",
            () => Found(type.GetMethods(Static | BindingFlags.Instance).Where(m => m.Name == name).Select(m => $"{Signature(type, "." + name, m)} method")));

    /// <summary>Finds a constructor by parameter types, or throws the bridge's error listing the constructors there are.</summary>
    internal static ConstructorInfo Ctor(Type type, params Type[] parameters) =>
        Require(type.GetConstructor(Instance, parameters), $"{Signature(type, "", parameters)} constructor",
            () => Found(type.GetConstructors(Instance).Select(c => $"{Signature(type, "", c)} constructor")));

    /// <summary>Finds an instance property, or throws the bridge's error listing properties of a similar name.</summary>
    internal static PropertyInfo Property(Type type, string name) =>
        Require(type.GetProperty(name, Instance), $"{Describe(type)}.{name} property",
            () => Found(type.GetProperties(Instance | BindingFlags.Static).Where(p => p.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                .Select(p => $"{Describe(type)}.{p.Name} property ({Describe(p.PropertyType)})")));

    private static string Signature(Type type, string member, MethodBase method) =>
        Signature(type, member, method.GetParameters().Select(p => p.ParameterType).ToArray());

    private static string Signature(Type type, string member, Type[] parameters) =>
        $"{Describe(type)}{member}({string.Join(", ", parameters.Select(Describe))})";

    private static string Describe(Type type) =>
        type.IsByRef ? $"ref {Describe(type.GetElementType()!)}" :
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    /// <summary>A list of what was found instead, or null when there is nothing close.</summary>
    private static string? Found(IEnumerable<string> candidates)
    {
        var list = candidates.Take(8).ToList();
        return list.Count == 0 ? null : string.Join("; ", list);
    }

    private static object Create(ConstructorInfo ctor, params object?[] args) =>
        ctor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);

    private static object Invoke(MethodInfo method, params object?[] args) =>
        method.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null)!;

    private static string ReadLoadedVersion()
    {
        var assembly = typeof(MLContext).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "(unknown version)";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private sealed record Members(
        ConstructorInfo LinearModel,
        ConstructorInfo MaximumEntropy,
        ConstructorInfo MulticlassTransformer,
        MethodInfo MulticlassScoreAnnotation,
        ConstructorInfo Platt,
        ConstructorInfo Calibrated,
        ConstructorInfo Transformer,
        ConstructorInfo Info,
        PropertyInfo CatalogOwner,
        PropertyInfo CatalogEnvironment,
        Type EnvironmentInternal,
        PropertyInfo EnvironmentSeed,
        MethodInfo ShapeOfSchema,
        ConstructorInfo ShapeColumn,
        MethodInfo TrainerOutputAnnotation,
        Type Cancelable,
        PropertyInfo CancelableIsCanceled)
    {
        public static Members Resolve()
        {
            var env = typeof(IHostEnvironment);
            var mixingName = "Microsoft.ML.Calibrators.ParameterMixingCalibratedModelParameters`2";
            var mixing = TypeIn(typeof(PlattCalibrator).Assembly, mixingName).MakeGenericType(typeof(LinearBinaryModelParameters), typeof(PlattCalibrator));
            var transformer = typeof(BinaryPredictionTransformer<>);
            var tModel = transformer.GetGenericArguments()[0];
            var core = typeof(IHostEnvironment).Assembly;
            var internalName = "Microsoft.ML.Runtime.IHostEnvironmentInternal";
            var environmentInternal = TypeIn(core, internalName);
            var annotationsName = "Microsoft.ML.Data.AnnotationUtils";
            var annotations = TypeIn(typeof(SchemaShape).Assembly, annotationsName);
            var cancelableName = "Microsoft.ML.Runtime.ICancelable";
            var cancelable = TypeIn(core, cancelableName);
            var multiclass = typeof(MulticlassPredictionTransformer<>);
            var multiclassModel = multiclass.GetGenericArguments()[0];
            return new Members(
                Ctor(typeof(LinearBinaryModelParameters), env, typeof(VBuffer<float>).MakeByRefType(), typeof(float), typeof(ModelStatisticsBase)),
                Ctor(typeof(MaximumEntropyModelParameters), env, typeof(VBuffer<float>).MakeByRefType(), typeof(int), typeof(int),
                    typeof(string[]), typeof(ModelStatisticsBase)),
                multiclass.GetConstructor(Instance, [env, multiclassModel, typeof(DataViewSchema), typeof(string), typeof(string), typeof(string), typeof(string)])
                    ?? Ctor(multiclass, env, multiclassModel, typeof(DataViewSchema), typeof(string), typeof(string)),
                Method(annotations, "AnnotationsForMulticlassScoreColumn", typeof(SchemaShape.Column?)),
                Ctor(typeof(PlattCalibrator), env, typeof(double), typeof(double)),
                Ctor(mixing, env, typeof(LinearBinaryModelParameters), typeof(PlattCalibrator)),
                Ctor(transformer, env, tModel, typeof(DataViewSchema), typeof(string), typeof(float), typeof(string)),
                Ctor(typeof(TrainerInfo), typeof(bool), typeof(bool), typeof(bool), typeof(bool), typeof(bool), typeof(bool)),
                Property(typeof(TrainCatalogBase.CatalogInstantiatorBase), "Owner"),
                Property(typeof(TrainCatalogBase), "Environment"),
                environmentInternal,
                Property(environmentInternal, "Seed"),
                Method(typeof(SchemaShape), "Create", typeof(DataViewSchema)),
                Ctor(typeof(SchemaShape.Column), typeof(string), typeof(SchemaShape.Column.VectorKind), typeof(DataViewType), typeof(bool), typeof(SchemaShape)),
                Method(annotations, "GetTrainerOutputAnnotation", typeof(bool)),
                cancelable,
                Property(cancelable, "IsCanceled"));
        }
    }
}
