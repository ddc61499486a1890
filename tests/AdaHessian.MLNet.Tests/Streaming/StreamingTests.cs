using System.Reflection;
using AdaHessian.MLNet.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using static AdaHessian.MLNet.Tests.TestSupport.SyntheticData;

namespace AdaHessian.MLNet.Tests.Streaming;

/// <summary>
/// <see cref="DataLoading.Streaming"/> as a user meets it: the same model for the same seed on any thread count and
/// over any kind of data view, a model as good as the in-memory one, and the conventions of the in-memory fit.
/// </summary>
public sealed class StreamingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("adahessian-streaming-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // 1 MiB blocks: the 12,000 rows of 40 features (about 2 MiB) take two or three blocks an epoch.
    private static Action<LogisticNeuronTrainerOptions> Streamed(Action<LogisticNeuronTrainerOptions>? more = null) => o =>
    {
        o.DataLoading = DataLoading.Streaming;
        o.StreamingBufferMegabytes = 1;
        o.BatchSize = 256;
        o.NumberOfEpochs = 4;
        o.L2Regularization = 1;
        o.Seed = 8;
        more?.Invoke(o);
    };

    private static IDataView Rows(MLContext ml, int rows = 12_000, int seed = 31) => DenseView(ml, rows, featureCount: 40, seed);

    private static float[] Fit(string trainer, IDataView data, Action<LogisticNeuronTrainerOptions> configure) =>
        Trainers.Parameters(Trainers.Create(trainer, new MLContext(seed: 1), configure).Fit(data));

    private static double TestLogLoss(string trainer, IDataView train, IDataView test, Action<LogisticNeuronTrainerOptions> configure)
    {
        var ml = new MLContext(seed: 1);
        var model = Trainers.Create(trainer, ml, configure).Fit(train);
        return ml.BinaryClassification.Evaluate(model.Transform(test)).LogLoss;
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void The_same_seed_gives_the_same_model_on_one_thread_and_on_every_core(string trainer)
    {
        var data = Rows(new MLContext(1));

        float[] one = Fit(trainer, data, Streamed(o => o.NumberOfThreads = 1));
        float[] all = Fit(trainer, data, Streamed());
        float[] again = Fit(trainer, data, Streamed());

        Assert.Equal(one, all);
        Assert.Equal(all, again);
    }

    [Theory]
    [MemberData(nameof(Trainers.Both), MemberType = typeof(Trainers))]
    public void A_streamed_model_predicts_as_well_as_the_in_memory_one(string trainer)
    {
        var ml = new MLContext(1);
        var test = Rows(ml, rows: 4_000, seed: 32);

        double memory = TestLogLoss(trainer, Rows(ml), test, Streamed(o => o.DataLoading = DataLoading.InMemory));
        double streamed = TestLogLoss(trainer, Rows(ml), test, Streamed());
        double automaticL2 = TestLogLoss(trainer, Rows(ml), test, Streamed(o => o.L2Regularization = null));

        Assert.InRange(streamed, 0, memory * 1.005);
        Assert.InRange(automaticL2, 0, memory * 1.01);
    }

    [Fact]
    public void A_text_file_and_a_binary_file_stream_the_same_rows_as_the_view_they_were_written_from()
    {
        var ml = new MLContext(1);
        var data = Rows(ml, rows: 3_000);
        string text = Path.Combine(_folder, "rows.tsv"), binary = Path.Combine(_folder, "rows.idv");
        using (var f = File.Create(text))
        {
            ml.Data.SaveAsText(data, f, schema: false, headerRow: false);
        }

        using (var f = File.Create(binary))
        {
            ml.Data.SaveAsBinary(data, f);
        }

        var fromText = ml.Data.LoadFromTextFile(text, [new TextLoader.Column("Label", DataKind.Boolean, 0),
            new TextLoader.Column("Features", DataKind.Single, 1, 40), new TextLoader.Column("Weight", DataKind.Single, 41)]);
        var fromBinary = ml.Data.LoadFromBinary(binary);
        var inOrder = Streamed(o => o.Shuffle = false);

        float[] expected = Fit(Trainers.AdaHessian, data, inOrder);
        Assert.Equal(expected, Fit(Trainers.AdaHessian, fromText, inOrder));
        Assert.Equal(expected, Fit(Trainers.AdaHessian, fromBinary, inOrder));

        // The binary format shuffles its own cursor: another order than the view's, the same for the same seed.
        Assert.True(fromBinary.CanShuffle);
        float[] shuffled = Fit(Trainers.AdaHessian, fromBinary, Streamed());
        Assert.Equal(shuffled, Fit(Trainers.AdaHessian, fromBinary, Streamed()));
        Assert.NotEqual(Fit(Trainers.AdaHessian, data, Streamed()), shuffled);
    }

    [Fact]
    public void Rows_with_a_non_finite_feature_are_skipped_counted_and_logged_as_in_memory()
    {
        var ml = new MLContext(1);
        var rows = Dense(2_000, 40, seed: 33);
        rows[17].Features[3] = float.NaN;
        rows[1_500].Features[0] = float.PositiveInfinity;
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };

        var model = Trainers.Create(Trainers.AdaHessian, ml, Streamed()).Fit(Load(ml, rows, 40));

        Assert.All(Trainers.Parameters(model), v => Assert.True(float.IsFinite(v)));
        Assert.Contains(messages, m => m.Contains("Skipped 2 of 2000 rows", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("streaming 1998 rows from the data view", StringComparison.Ordinal));
    }

    [Fact]
    public void A_validation_set_stops_a_streamed_fit_early_and_keeps_the_best_epoch()
    {
        var ml = new MLContext(1);
        var reports = new List<double>();
        var trainer = Trainers.Create(Trainers.AdaHessian, ml, Streamed(o =>
        {
            o.NumberOfEpochs = 60;
            o.L2Regularization = 0;
            o.EarlyStoppingRound = 2;
            o.Observer = new Observer(r => reports.Add(r.ValidationObjective));
        }));

        var model = (AdaHessianTrainer)trainer;
        var fitted = model.Fit(Rows(ml, rows: 600), Rows(ml, rows: 2_000, seed: 34));

        Assert.InRange(reports.Count, 3, 59);
        Assert.All(reports, v => Assert.True(double.IsFinite(v)));
        Assert.NotNull(fitted.Model);
    }

    [Fact]
    public void Streaming_options_break_their_rules_with_a_named_error()
    {
        var ml = new MLContext(1);

        var buffer = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ml.BinaryClassification.Trainers.AdaHessian(new AdaHessianTrainer.Options { StreamingBufferMegabytes = 0 }));
        var multiclass = Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.AdaHessianMaximumEntropy(
            new AdaHessianMaximumEntropyTrainer.Options { DataLoading = DataLoading.Streaming }));
        var undefined = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ml.BinaryClassification.Trainers.Adam(new AdamTrainer.Options { DataLoading = (DataLoading)7 }));

        Assert.Equal(nameof(LogisticNeuronTrainerOptions.StreamingBufferMegabytes), buffer.ParamName);
        Assert.Equal(nameof(LogisticNeuronTrainerOptions.DataLoading), multiclass.ParamName);
        Assert.Equal(nameof(LogisticNeuronTrainerOptions.DataLoading), undefined.ParamName);
    }

    [Fact]
    public void Wide_sparse_rows_stream_without_densifying()
    {
        var ml = new MLContext(1);
        var train = Load(ml, Sparse(6_000, 20_000, density: 0.001, seed: 35), 20_000);
        var test = Load(ml, Sparse(2_000, 20_000, density: 0.001, seed: 36), 20_000);

        double memory = TestLogLoss(Trainers.AdaHessian, train, test, Streamed(o => o.DataLoading = DataLoading.InMemory));
        double streamed = TestLogLoss(Trainers.AdaHessian, train, test, Streamed());

        Assert.InRange(streamed, 0, memory * 1.005);
    }

    [Fact]
    public void Cancelling_the_context_stops_a_streamed_fit_between_steps()
    {
        var ml = new MLContext(seed: 1);
        int epochs = 0;
        var observer = new Observer(r =>
        {
            epochs = r.Epoch;
            if (r.Epoch == 1)
            {
                // MLContext.CancelExecution is internal in ML.NET (AutoML calls it).
                typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!
                    .Invoke(ml, null);
            }
        });
        var trainer = Trainers.Create(Trainers.AdaHessian, ml, Streamed(o =>
        {
            o.NumberOfEpochs = 5_000;
            o.BatchSize = 8;
            o.OptimizationTolerance = 0;
            o.Observer = observer;
        }));

        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Fit(Rows(ml, rows: 2_000)));
        Assert.InRange(epochs, 1, 4_999);
    }
}
