using AdaHessian.Data;
using AdaHessian.Objective;

namespace AdaHessian.MLNet;

/// <summary>
/// The rows a <see cref="TrainingPlan"/> trains on, of either task: a logistic neuron's (<see cref="LogisticDataset"/>,
/// one parameter block) or a softmax layer's (<see cref="MulticlassDataset"/>, one block per class). The plan treats
/// both alike — densifying, centring, the classes for the L2 search — and only the objective differs.
/// </summary>
internal abstract class TrainingRows
{
    private TrainingRows()
    {
    }

    /// <summary>The feature rows.</summary>
    public abstract FeatureMatrix Features { get; }

    /// <summary>Example weights, or null when every row weighs 1.</summary>
    public abstract float[]? Weights { get; }

    /// <summary>Ω, the total example weight.</summary>
    public abstract double TotalWeight { get; }

    /// <summary>How the model's parameters are laid out: blocks of the features' weights and a bias.</summary>
    public abstract ParameterLayout Layout { get; }

    /// <summary>The class of every row (0/1 for a logistic neuron), as the L2 search stratifies by.</summary>
    public abstract int[] Classes();

    /// <summary>The same rows with other features (same row count and width).</summary>
    public abstract TrainingRows With(FeatureMatrix features);

    /// <summary>The objective on these rows with the loss, L2 strength and thread count given.</summary>
    public abstract IObjective CreateObjective(LossKind loss, double l2Regularization, int? numberOfThreads);

    /// <summary>A logistic neuron's rows.</summary>
    public static TrainingRows Of(LogisticDataset data) => new Logistic(data);

    /// <summary>A softmax layer's rows.</summary>
    public static TrainingRows Of(MulticlassDataset data) => new Softmax(data);

    private sealed class Logistic(LogisticDataset data) : TrainingRows
    {
        public override FeatureMatrix Features => data.Features;

        public override float[]? Weights => data.Weights;

        public override double TotalWeight => data.TotalWeight;

        public override ParameterLayout Layout => ParameterLayout.Neuron(data.FeatureCount);

        public override int[] Classes()
        {
            var classes = new int[data.RowCount];
            for (int i = 0; i < classes.Length; i++)
            {
                classes[i] = data.Labels[i] >= 0.5f ? 1 : 0;
            }

            return classes;
        }

        public override TrainingRows With(FeatureMatrix features) => new Logistic(new LogisticDataset(features, data.Labels, data.Weights));

        public override IObjective CreateObjective(LossKind loss, double l2Regularization, int? numberOfThreads) =>
            new LogisticObjective(data, loss, l2Regularization, numberOfThreads);
    }

    private sealed class Softmax(MulticlassDataset data) : TrainingRows
    {
        public override FeatureMatrix Features => data.Features;

        public override float[]? Weights => data.Weights;

        public override double TotalWeight => data.TotalWeight;

        public override ParameterLayout Layout => new(data.ClassCount, data.FeatureCount);

        public override int[] Classes() => data.Labels;

        public override TrainingRows With(FeatureMatrix features) =>
            new Softmax(new MulticlassDataset(features, data.Labels, data.ClassCount, data.Weights));

        // The softmax is fitted by its log-loss; TrainingPlan.For rejects any other loss for the multiclass trainers.
        public override IObjective CreateObjective(LossKind loss, double l2Regularization, int? numberOfThreads) =>
            new SoftmaxObjective(data, l2Regularization, numberOfThreads);
    }
}
