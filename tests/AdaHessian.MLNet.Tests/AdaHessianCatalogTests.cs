using AdaHessian.MLNet.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests;

public sealed class AdaHessianCatalogTests
{
    [Fact]
    public void The_three_ways_to_create_AdaHessian_train_the_same_model()
    {
        float[] Fit(Func<MLContext, LogisticNeuronTrainerBase<AdaHessianTrainer.Options>> create)
        {
            var ml = new MLContext(seed: 4);
            return Trainers.Parameters(create(ml).Fit(DenseView(ml)));
        }

        var byConstructor = Fit(ml => new AdaHessianTrainer(ml, new AdaHessianTrainer.Options { LearningRate = 0.15f, NumberOfEpochs = 5 }));
        var byOptions = Fit(ml => ml.BinaryClassification.Trainers.AdaHessian(new AdaHessianTrainer.Options { LearningRate = 0.15f, NumberOfEpochs = 5 }));
        var byColumns = Fit(ml => ml.BinaryClassification.Trainers.AdaHessian(labelColumnName: "Label", featureColumnName: "Features", learningRate: 0.15f, numberOfEpochs: 5));

        Assert.Equal(byConstructor, byOptions);
        Assert.Equal(byConstructor, byColumns);
    }

    [Fact]
    public void The_three_ways_to_create_Adam_train_the_same_model()
    {
        float[] Fit(Func<MLContext, LogisticNeuronTrainerBase<AdamTrainer.Options>> create)
        {
            var ml = new MLContext(seed: 4);
            return Trainers.Parameters(create(ml).Fit(DenseView(ml)));
        }

        var byConstructor = Fit(ml => new AdamTrainer(ml, new AdamTrainer.Options { NumberOfEpochs = 5 }));
        var byOptions = Fit(ml => ml.BinaryClassification.Trainers.Adam(new AdamTrainer.Options { NumberOfEpochs = 5 }));
        var byColumns = Fit(ml => ml.BinaryClassification.Trainers.Adam(numberOfEpochs: 5));

        Assert.Equal(byConstructor, byOptions);
        Assert.Equal(byConstructor, byColumns);
    }

    [Fact]
    public void Column_name_overloads_pass_the_columns_and_weight_through()
    {
        var ml = new MLContext(seed: 1);
        var rows = Dense(200, 3, seed: 1).Select(r => new RenamedRow { Target = r.Label, X = r.Features, W = 1f }).ToArray();
        var schema = SchemaDefinition.Create(typeof(RenamedRow));
        schema["X"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 3);
        var data = ml.Data.LoadFromEnumerable(rows, schema);

        var adaHessian = ml.BinaryClassification.Trainers.AdaHessian("Target", "X", "W", numberOfEpochs: 2).Fit(data);
        var adam = ml.BinaryClassification.Trainers.Adam("Target", "X", "W", numberOfEpochs: 2).Fit(data);

        Assert.Equal("X", adaHessian.FeatureColumnName);
        Assert.Equal("X", adam.FeatureColumnName);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.AdaHessian("Target", "X", "Missing").Fit(data));
        Assert.Contains("'Missing'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_trainers_log_to_the_catalogs_MLContext()
    {
        var ml = new MLContext(seed: 1);
        var sources = new List<string>();
        ml.Log += (_, e) =>
        {
            lock (sources)
            {
                sources.Add(e.Source);
            }
        };

        ml.BinaryClassification.Trainers.AdaHessian(numberOfEpochs: 1).Fit(DenseView(ml));

        lock (sources)
        {
            Assert.Contains(sources, s => s.StartsWith(nameof(AdaHessianTrainer), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Null_arguments_throw_ArgumentNullException()
    {
        var trainers = new MLContext(seed: 1).BinaryClassification.Trainers;

        Assert.Throws<ArgumentNullException>(() => trainers.AdaHessian((AdaHessianTrainer.Options)null!));
        Assert.Throws<ArgumentNullException>(() => trainers.Adam((AdamTrainer.Options)null!));
        Assert.Throws<ArgumentNullException>(() => AdaHessianCatalog.AdaHessian(null!));
        Assert.Throws<ArgumentNullException>(() => new AdaHessianTrainer((IHostEnvironment)null!));
    }

    private sealed class RenamedRow
    {
        public bool Target { get; set; }

        public float[] X { get; set; } = [];

        public float W { get; set; }
    }
}
