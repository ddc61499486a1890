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
/// Written against Microsoft.ML <see cref="SupportedMlNetVersion"/>. If a member is missing from the loaded
/// ML.NET, every call throws <see cref="NotSupportedException"/> naming the member and both versions.
/// </remarks>
internal static class MlNetBridge
{
    /// <summary>The Microsoft.ML version whose internals this class was written against.</summary>
    internal const string SupportedMlNetVersion = "5.0.1";

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
    internal static T Require<T>(T? member, string name)
        where T : MemberInfo =>
        member ?? throw new NotSupportedException(
            $"The ML.NET member {name} was not found in the loaded Microsoft.ML {LoadedMlNetVersion}. " +
            $"AdaHessian.MLNet uses ML.NET internals and supports Microsoft.ML {SupportedMlNetVersion}.");

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
            var mixing = Require(typeof(PlattCalibrator).Assembly.GetType(mixingName), mixingName).MakeGenericType(typeof(LinearBinaryModelParameters), typeof(PlattCalibrator));
            var transformer = typeof(BinaryPredictionTransformer<>);
            var tModel = transformer.GetGenericArguments()[0];
            var core = typeof(IHostEnvironment).Assembly;
            var internalName = "Microsoft.ML.Runtime.IHostEnvironmentInternal";
            var environmentInternal = Require(core.GetType(internalName), internalName);
            var annotationsName = "Microsoft.ML.Data.AnnotationUtils";
            var annotations = Require(typeof(SchemaShape).Assembly.GetType(annotationsName), annotationsName);
            var cancelableName = "Microsoft.ML.Runtime.ICancelable";
            var cancelable = Require(core.GetType(cancelableName), cancelableName);
            return new Members(
                Ctor(typeof(LinearBinaryModelParameters), env, typeof(VBuffer<float>).MakeByRefType(), typeof(float), typeof(ModelStatisticsBase)),
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

        private static MethodInfo Method(Type type, string name, params Type[] parameters) =>
            Require(type.GetMethod(name, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, parameters),
                $"{type.Name}.{name}({string.Join(", ", parameters.Select(p => p.Name))}) method");

        private static ConstructorInfo Ctor(Type type, params Type[] parameters) =>
            Require(type.GetConstructor(Instance, parameters),
                $"{type.Name}({string.Join(", ", parameters.Select(p => p.Name))}) constructor");

        private static PropertyInfo Property(Type type, string name) =>
            Require(type.GetProperty(name, Instance), $"{type.Name}.{name} property");
    }
}
