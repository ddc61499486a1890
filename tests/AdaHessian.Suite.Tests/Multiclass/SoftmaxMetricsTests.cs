using AdaHessian.Suite.Multiclass;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdaHessian.Suite.Tests.Multiclass;

public class SoftmaxMetricsTests
{
    // One feature, three classes, class-major blocks (w, b): logits (1, 0, −1)·x.
    private static readonly double[] Theta = [1, 0, 0, 0, -1, 0];

    private static readonly LabelledRows Rows = new([[1f], [0f]], [0, 2]);

    [Fact]
    public void Log_loss_and_objective_match_a_hand_computation()
    {
        var model = SoftmaxModel.FromBlocks(Theta, 1, [0, 1, 2]);
        // Row 1: logits (1, 0, −1), label 0: log(e + 1 + 1/e) − 1. Row 2: logits 0, label 2: log 3.
        double first = Math.Log(Math.E + 1 + 1 / Math.E) - 1, second = Math.Log(3);
        Assert.Equal((first + second) / 2, SoftmaxMetrics.LogLoss(Rows, model), 12);
        // λ = 2, ‖W‖² = 2: (Σℓ + ½·2·2)/2; the biases are not penalised.
        var biased = SoftmaxModel.FromBlocks([1, 5, 0, 5, -1, 5], 1, [0, 1, 2]);
        Assert.Equal((first + second + 2) / 2, SoftmaxMetrics.Objective(Rows, biased, 2), 12);
    }

    [Fact]
    public void A_row_of_W_belongs_to_the_label_its_key_holds()
    {
        // Row 0 of W belongs to label 2, row 1 to label 0: the image with label 0 now has logit 0 of (1, 0, −1).
        var model = SoftmaxModel.FromBlocks(Theta, 1, [2, 0, 1]);
        double first = Math.Log(Math.E + 1 + 1 / Math.E), second = Math.Log(3);
        Assert.Equal((first + second) / 2, SoftmaxMetrics.LogLoss(Rows, model), 12);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        var model = SoftmaxModel.FromBlocks(Theta, 1, [0, 1, 2]);
        Assert.Throws<ArgumentException>(() => SoftmaxMetrics.LogLoss(new LabelledRows([[1f, 2f]], [0]), model));
        Assert.Throws<ArgumentException>(() => SoftmaxMetrics.LogLoss(new LabelledRows([[1f]], [3]), model));
        Assert.Throws<ArgumentException>(() => SoftmaxMetrics.LogLoss(new LabelledRows([], []), model));
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxMetrics.Objective(Rows, model, -1));
        Assert.Throws<ArgumentException>(() => SoftmaxModel.FromBlocks(Theta, 2, [0, 1, 2]));
        Assert.Throws<ArgumentException>(() => SoftmaxModel.FromBlocks(Theta, 1, [0, 1, 1]));
    }

    [Fact]
    public void An_ml_net_maximum_entropy_model_scores_as_ml_net_evaluates_it()
    {
        // Labels first seen in the order 2, 0, 1, so the key order differs from the label order.
        var ml = new MLContext(seed: 0);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 300).Select(i =>
        {
            int label = (i + 2) % 3;
            return new Row { Label = label, Features = [(float)(label + random.NextDouble() * 2), (float)random.NextDouble()] };
        }).ToList();
        IDataView data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { L2Regularization = 1 }))
            .Fit(data);
        VBuffer<float> keys = default;
        model.GetOutputSchema(data.Schema)["Label"].Annotations.GetValue("KeyValues", ref keys);
        int[] labelOfKey = [.. keys.DenseValues().Select(v => (int)v)];
        Assert.Equal([2, 0, 1], labelOfKey);

        var softmax = SoftmaxModel.From(((MulticlassPredictionTransformer<MaximumEntropyModelParameters>)model.LastTransformer).Model, labelOfKey);
        var labelled = new LabelledRows([.. rows.Select(r => r.Features)], [.. rows.Select(r => (int)r.Label)]);
        double expected = ml.MulticlassClassification.Evaluate(model.Transform(data)).LogLoss;
        Assert.Equal(expected, SoftmaxMetrics.LogLoss(labelled, softmax), 5);
    }

    private sealed class Row
    {
        public float Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }
}
