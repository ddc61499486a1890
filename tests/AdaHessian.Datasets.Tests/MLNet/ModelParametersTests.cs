using AdaHessian.MLNet;
using Microsoft.ML;

namespace AdaHessian.Datasets.Tests.MLNet;

public class ModelParametersTests
{
    [Fact]
    public void Theta_is_the_weights_then_the_bias_of_the_fitted_model()
    {
        var ml = new MLContext(seed: 1);
        LabelledMatrix data = SyntheticGaussian.Dense(200, 3, seed: 4);
        var model = ml.BinaryClassification.Trainers.AdaHessian().Fit(data.ToDataView(ml));

        double[] theta = ModelParameters.Theta(model);

        var linear = model.Model.SubModel;
        Assert.Equal([.. linear.Weights.Select(w => (double)w), linear.Bias], theta);
        Assert.Equal(theta, ModelParameters.Theta((ITransformer)model));
        Assert.Throws<NotSupportedException>(() => ModelParameters.Theta(ml.Transforms.CopyColumns("A", "Features").Fit(data.ToDataView(ml))));
    }
}
