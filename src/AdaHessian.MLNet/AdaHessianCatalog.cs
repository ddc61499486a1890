using AdaHessian.MLNet.Interop;
using Microsoft.ML;

namespace AdaHessian.MLNet;

/// <summary>
/// <c>mlContext.BinaryClassification.Trainers.AdaHessian(...)</c> and <c>.Adam(...)</c>, and
/// <c>mlContext.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(...)</c> and
/// <c>.AdamMaximumEntropy(...)</c>: the trainers of this package, next to ML.NET's own.
/// </summary>
public static class AdaHessianCatalog
{
    /// <summary>Creates an <see cref="AdaHessianTrainer"/> from column names and the main hyper-parameters.</summary>
    /// <param name="catalog">The binary classification trainers catalog.</param>
    /// <param name="labelColumnName">The label column: Boolean.</param>
    /// <param name="featureColumnName">The feature column: a known-size vector of Single.</param>
    /// <param name="exampleWeightColumnName">The example weight column (Single), or null for none.</param>
    /// <param name="numberOfEpochs">Passes over the data.</param>
    /// <param name="learningRate">η, the first step's size; null chooses it from the data.</param>
    /// <param name="l2Regularization">λ, ML.NET's L2 regularization (bias not regularized); null chooses it from the data.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks its rule; the exception names it.</exception>
    public static AdaHessianTrainer AdaHessian(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = SharedDefaults.LabelColumnName,
        string featureColumnName = SharedDefaults.FeatureColumnName,
        string? exampleWeightColumnName = null,
        int numberOfEpochs = SharedDefaults.NumberOfEpochs,
        float? learningRate = null,
        float? l2Regularization = null) =>
        catalog.AdaHessian(Configure(new AdaHessianTrainer.Options(), labelColumnName, featureColumnName, exampleWeightColumnName,
            numberOfEpochs, learningRate, l2Regularization));

    /// <summary>Creates an <see cref="AdaHessianTrainer"/> with the given options.</summary>
    /// <param name="catalog">The binary classification trainers catalog.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public static AdaHessianTrainer AdaHessian(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        AdaHessianTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new AdaHessianTrainer(MlNetBridge.GetEnvironment(catalog), options);
    }

    /// <summary>Creates an <see cref="AdamTrainer"/> from column names and the main hyper-parameters.</summary>
    /// <param name="catalog">The binary classification trainers catalog.</param>
    /// <param name="labelColumnName">The label column: Boolean.</param>
    /// <param name="featureColumnName">The feature column: a known-size vector of Single.</param>
    /// <param name="exampleWeightColumnName">The example weight column (Single), or null for none.</param>
    /// <param name="numberOfEpochs">Passes over the data.</param>
    /// <param name="learningRate">η, the first step's size; null chooses it from the data.</param>
    /// <param name="l2Regularization">λ, ML.NET's L2 regularization (bias not regularized); null chooses it from the data.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks its rule; the exception names it.</exception>
    public static AdamTrainer Adam(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = SharedDefaults.LabelColumnName,
        string featureColumnName = SharedDefaults.FeatureColumnName,
        string? exampleWeightColumnName = null,
        int numberOfEpochs = SharedDefaults.NumberOfEpochs,
        float? learningRate = null,
        float? l2Regularization = null) =>
        catalog.Adam(Configure(new AdamTrainer.Options(), labelColumnName, featureColumnName, exampleWeightColumnName,
            numberOfEpochs, learningRate, l2Regularization));

    /// <summary>Creates an <see cref="AdamTrainer"/> with the given options.</summary>
    /// <param name="catalog">The binary classification trainers catalog.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public static AdamTrainer Adam(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        AdamTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new AdamTrainer(MlNetBridge.GetEnvironment(catalog), options);
    }

    /// <summary>Creates an <see cref="AdaHessianMaximumEntropyTrainer"/> from column names and the main hyper-parameters.</summary>
    /// <param name="catalog">The multiclass classification trainers catalog.</param>
    /// <param name="labelColumnName">The label column: a key (<c>mlContext.Transforms.Conversion.MapValueToKey</c>).</param>
    /// <param name="featureColumnName">The feature column: a known-size vector of Single.</param>
    /// <param name="exampleWeightColumnName">The example weight column (Single), or null for none.</param>
    /// <param name="numberOfEpochs">Passes over the data.</param>
    /// <param name="learningRate">η, the first step's size; null chooses it from the data.</param>
    /// <param name="l2Regularization">λ, ML.NET's L2 regularization (biases not regularized); null chooses it from the data.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks its rule; the exception names it.</exception>
    public static AdaHessianMaximumEntropyTrainer AdaHessianMaximumEntropy(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = SharedDefaults.LabelColumnName,
        string featureColumnName = SharedDefaults.FeatureColumnName,
        string? exampleWeightColumnName = null,
        int numberOfEpochs = SharedDefaults.NumberOfEpochs,
        float? learningRate = null,
        float? l2Regularization = null) =>
        catalog.AdaHessianMaximumEntropy(Configure(new AdaHessianMaximumEntropyTrainer.Options(), labelColumnName, featureColumnName,
            exampleWeightColumnName, numberOfEpochs, learningRate, l2Regularization));

    /// <summary>Creates an <see cref="AdaHessianMaximumEntropyTrainer"/> with the given options.</summary>
    /// <param name="catalog">The multiclass classification trainers catalog.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public static AdaHessianMaximumEntropyTrainer AdaHessianMaximumEntropy(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, AdaHessianMaximumEntropyTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new AdaHessianMaximumEntropyTrainer(MlNetBridge.GetEnvironment(catalog), options);
    }

    /// <summary>Creates an <see cref="AdamMaximumEntropyTrainer"/> from column names and the main hyper-parameters.</summary>
    /// <param name="catalog">The multiclass classification trainers catalog.</param>
    /// <param name="labelColumnName">The label column: a key (<c>mlContext.Transforms.Conversion.MapValueToKey</c>).</param>
    /// <param name="featureColumnName">The feature column: a known-size vector of Single.</param>
    /// <param name="exampleWeightColumnName">The example weight column (Single), or null for none.</param>
    /// <param name="numberOfEpochs">Passes over the data.</param>
    /// <param name="learningRate">η, the first step's size; null chooses it from the data.</param>
    /// <param name="l2Regularization">λ, ML.NET's L2 regularization (biases not regularized); null chooses it from the data.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks its rule; the exception names it.</exception>
    public static AdamMaximumEntropyTrainer AdamMaximumEntropy(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = SharedDefaults.LabelColumnName,
        string featureColumnName = SharedDefaults.FeatureColumnName,
        string? exampleWeightColumnName = null,
        int numberOfEpochs = SharedDefaults.NumberOfEpochs,
        float? learningRate = null,
        float? l2Regularization = null) =>
        catalog.AdamMaximumEntropy(Configure(new AdamMaximumEntropyTrainer.Options(), labelColumnName, featureColumnName,
            exampleWeightColumnName, numberOfEpochs, learningRate, l2Regularization));

    /// <summary>Creates an <see cref="AdamMaximumEntropyTrainer"/> with the given options.</summary>
    /// <param name="catalog">The multiclass classification trainers catalog.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    public static AdamMaximumEntropyTrainer AdamMaximumEntropy(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, AdamMaximumEntropyTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new AdamMaximumEntropyTrainer(MlNetBridge.GetEnvironment(catalog), options);
    }

    private static TOptions Configure<TOptions>(TOptions options, string labelColumnName, string featureColumnName,
        string? exampleWeightColumnName, int numberOfEpochs, float? learningRate, float? l2Regularization)
        where TOptions : LogisticNeuronTrainerOptions
    {
        options.LabelColumnName = labelColumnName;
        options.FeatureColumnName = featureColumnName;
        options.ExampleWeightColumnName = exampleWeightColumnName;
        options.NumberOfEpochs = numberOfEpochs;
        options.LearningRate = learningRate;
        options.L2Regularization = l2Regularization;
        return options;
    }
}
