using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AdaHessian.Datasets;
using AdaHessian.Study.Output;

namespace AdaHessian.Study.Experiments.RealData;

/// <summary>The real-data summary (rounded numbers only) and the report section generated from it.</summary>
internal static class RealDataReport
{
    /// <summary>The reference every gap is measured against: L-BFGS, run to convergence.</summary>
    public const string Reference = "lbfgs";

    /// <summary>The report's figure (under figures/, without extension).</summary>
    public const string FigureName = "real-data-test-loss";

    /// <summary>The summary of <paramref name="o"/>; every number is rounded to 6 significant digits.</summary>
    public static JsonObject Summary(RealDataOutcome o)
    {
        var binary = new JsonObject();
        foreach (BinaryFit fit in o.Binary)
        {
            binary[fit.Metrics.Trainer.Key] = new JsonObject
            {
                ["accuracy"] = Numbers.Round(fit.Metrics.Accuracy),
                ["auc"] = Numbers.Round(fit.Metrics.AucOrMacroAccuracy),
                ["log_loss"] = Numbers.Round(fit.Metrics.LogLoss),
                ["log_loss_bits"] = Numbers.Round(fit.Metrics.LogLoss / Math.Log(2)),
                ["train_objective"] = Numbers.Round(fit.TrainObjective),
            };
        }

        AddGaps(binary, "log_loss");
        AddGaps(binary, "train_objective");
        var multiclass = new JsonObject();
        foreach (TrainerMetrics m in o.Multiclass)
        {
            multiclass[m.Trainer.Key] = new JsonObject
            {
                ["accuracy"] = Numbers.Round(m.Accuracy),
                ["macro_accuracy"] = Numbers.Round(m.AucOrMacroAccuracy),
                ["log_loss"] = Numbers.Round(m.LogLoss),
            };
        }

        AddGaps(multiclass, "log_loss");
        var curves = new JsonObject();
        foreach (EpochCurve curve in o.Curves)
        {
            curves[curve.Trainer.Key] = new JsonArray(curve.TestLogLoss.Select(v => (JsonNode)Numbers.Round(v)).ToArray());
        }

        return new JsonObject
        {
            ["epochs"] = o.Epochs,
            ["l2"] = RealDataTrainer.L2,
            ["log_loss_unit"] = "nats per image",
            ["row_limits"] = new JsonObject { ["train"] = o.TrainRowLimit, ["test"] = o.TestRowLimit },
            ["binary"] = new JsonObject
            {
                ["negative_class"] = FashionMnist.ClassNames[o.NegativeClass],
                ["positive_class"] = FashionMnist.ClassNames[o.PositiveClass],
                ["train_rows"] = o.BinaryTrainRows,
                ["test_rows"] = o.BinaryTestRows,
                ["sdca_l2"] = Numbers.Round(RealDataTrainer.SdcaL2(o.BinaryTrainRows)),
                ["trainers"] = binary,
                ["test_log_loss_by_epoch"] = curves,
            },
            ["multiclass"] = new JsonObject
            {
                ["train_rows"] = o.MulticlassTrainRows,
                ["train_row_cap"] = o.MulticlassRowCap,
                ["test_rows"] = o.MulticlassTestRows,
                ["sdca_l2"] = Numbers.Round(RealDataTrainer.SdcaL2(o.MulticlassTrainRows)),
                ["trainers"] = multiclass,
            },
        };
    }

    /// <summary>The report section, generated from <paramref name="summary"/>.</summary>
    public static string Markdown(JsonObject summary)
    {
        JsonNode binary = summary["binary"]!, multiclass = summary["multiclass"]!;
        int epochs = (int)summary["epochs"]!, binaryRows = (int)binary["train_rows"]!, multiclassRows = (int)multiclass["train_rows"]!;
        int binaryTest = (int)binary["test_rows"]!, multiclassTest = (int)multiclass["test_rows"]!;
        int? trainLimit = (int?)summary["row_limits"]!["train"], testLimit = (int?)summary["row_limits"]!["test"];
        string pair = $"{binary["negative_class"]} vs {binary["positive_class"]}";
        var text = new StringBuilder("## Real data: Fashion-MNIST through ML.NET\n\n")
            .Append("Fashion-MNIST images are 784 grey pixels divided by 255, so every feature lies in [0, 1] and no normaliser ")
            .Append("is added. Two tasks: (1) the binary pair of the parity tests, ")
            .Append($"{pair} (label true = {binary["positive_class"]}), {Which(trainLimit, binaryRows, "training images of the pair")} ")
            .Append($"and {Which(testLimit, binaryTest, "test images of the pair")}; (2) all ten classes through ")
            .Append("`mlContext.MulticlassClassification.Trainers.OneVersusAll(binaryTrainer)`, ")
            .Append($"{Which(multiclassRows, multiclassRows, "training images")}")
            .Append(multiclassRows == (int)multiclass["train_row_cap"]!
                ? $" (capped at {Count(multiclassRows)} so that the ten-class fits of all four trainers stay within the study's time budget)"
                : "")
            .Append($" and {Which(testLimit, multiclassTest, "test images")}.\n\n")
            .Append($"Every trainer fits the same objective, the log-loss summed over the n training images plus (λ/2)‖w‖² with λ = {summary["l2"]} ")
            .Append("(bias not penalised), no L1, each in its own `MLContext(seed: 0)`:\n\n");
        foreach (RealDataTrainer t in RealDataTrainer.All)
        {
            text.Append($"- **{t.Label}**: {t.Describe(binaryRows, epochs)}")
                .Append(t.Key == "sdca" ? $" (ten classes: L2 = {RealDataTrainer.F(RealDataTrainer.SdcaL2(multiclassRows))}, automatic pass limit {RealDataTrainer.SdcaAutomaticPasses(multiclassRows)}).\n" : ".\n");
        }

        text.Append("\nSDCA scales the loss by 1/n, hence λ/n; it also shrinks the bias. ")
            .Append("The log-loss is the mean of −ln p(true class) over the test images, in **nats**. ML.NET reports the binary ")
            .Append("log-loss in bits (−log₂ p) and the multiclass one in nats; the binary values are converted (× ln 2) so both ")
            .Append("tables share a unit (`log_loss_bits` in summary.json keeps ML.NET's own number). For ten classes the ")
            .Append("log-loss is that of OneVersusAll's normalised class probabilities. \"vs L-BFGS\" is the relative difference ")
            .Append("to L-BFGS's value. Fit times are machine-dependent and are in timings.md.\n\n")
            .Append($"**(1) {pair}**\n\n")
            .Append("| trainer | accuracy | AUC | test log-loss | vs L-BFGS | training objective | vs L-BFGS |\n")
            .Append("|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (RealDataTrainer t in RealDataTrainer.All)
        {
            JsonNode r = binary["trainers"]![t.Key]!;
            text.Append($"| {t.Label} | {F(r["accuracy"])} | {F(r["auc"])} | {F(r["log_loss"])} | {Percent(r["log_loss_vs_lbfgs_percent"])} | ")
                .Append($"{F(r["train_objective"])} | {Percent(r["train_objective_vs_lbfgs_percent"])} |\n");
        }

        text.Append("\nThe training objective is (Σ log-loss + (λ/2)‖w‖²) / n in nats, evaluated in double on the training images ")
            .Append("for each model's weights: the number every trainer tries to minimise.\n\n")
            .Append("**(2) Ten classes, one-versus-all**\n\n")
            .Append("| trainer | accuracy | macro accuracy | test log-loss | vs L-BFGS |\n|---|---:|---:|---:|---:|\n");
        foreach (RealDataTrainer t in RealDataTrainer.All)
        {
            JsonNode r = multiclass["trainers"]![t.Key]!;
            text.Append($"| {t.Label} | {F(r["accuracy"])} | {F(r["macro_accuracy"])} | {F(r["log_loss"])} | {Percent(r["log_loss_vs_lbfgs_percent"])} |\n");
        }

        text.Append($"\n![test log-loss per epoch, {pair}](figures/{FigureName}.png)\n\n")
            .Append("The curves are the test log-loss of the model after each epoch of the very fits in table (1): each trainer ")
            .Append("reports its parameters after every epoch to an observer (`Options.Observer`), the last of which are the ")
            .Append("fitted model's; each epoch's parameters are rounded to Single as ML.NET stores them and scored with the ")
            .Append("formula of ML.NET's evaluator (mean −ln σ(±(w·x + b)), in double). The last point agrees with table (1) ")
            .Append($"within a relative {RealDataExperiment.MaxScoringDifference.ToString("0e0", CultureInfo.InvariantCulture)} (checked on every run). ")
            .Append("The dashed levels are the test log-loss of the L-BFGS and SDCA models of table (1).\n\n");
        return text.Append(Conclusions(summary)).Append('\n').ToString();
    }

    private static string Conclusions(JsonObject summary)
    {
        JsonNode binary = summary["binary"]!, multiclass = summary["multiclass"]!;
        JsonNode b = binary["trainers"]!, m = multiclass["trainers"]!;
        int epochs = (int)summary["epochs"]!;
        var text = new StringBuilder("Conclusions (generated from the numbers above):\n\n");
        text.Append($"- Binary test log-loss against L-BFGS ({F(b[Reference]!["log_loss"])} nats): ")
            .Append(string.Join("; ", Others().Select(t => $"{t.Label} {Gap(b[t.Key]!["log_loss_vs_lbfgs_percent"])}")))
            .Append($". Lowest: {Lowest(b, "log_loss")}. The parity tests require AdaHessian and Adam within 2 % of L-BFGS with 30 epochs on ")
            .Append($"min-max-normalised pixels; here, with at least {epochs} epochs on pixels / 255, AdaHessian is {Within(b["adahessian"]!, 2)} and ")
            .Append($"Adam {Within(b["adam"]!, 2)}.\n");
        text.Append($"- Training objective against L-BFGS ({F(b[Reference]!["train_objective"])} nats): ")
            .Append(string.Join("; ", Others().Select(t => $"{t.Label} {Gap(b[t.Key]!["train_objective_vs_lbfgs_percent"])}")))
            .Append($". Lowest: {Lowest(b, "train_objective")}.\n");
        double reference = (double)b[Reference]!["log_loss"]!;
        foreach (RealDataTrainer t in RealDataTrainer.All.Where(t => t.IsOptimizer))
        {
            double[] curve = binary["test_log_loss_by_epoch"]![t.Key]!.AsArray().Select(v => (double)v!).ToArray();
            int within2 = Array.FindIndex(curve, v => v <= 1.02 * reference) + 1, within1 = Array.FindIndex(curve, v => v <= 1.01 * reference) + 1;
            int from = curve.Length / 2 + 1;
            double low = curve[(from - 1)..].Min(), high = curve[(from - 1)..].Max();
            int last = curve.Length;
            text.Append($"- {t.Label} per epoch: {F(curve[0])} after epoch 1 and {F(curve[^1])} after epoch {last}; ")
                .Append(within2 > 0 ? $"first within 2 % of L-BFGS at epoch {within2}" : $"never within 2 % of L-BFGS in {last} epochs")
                .Append(within1 > 0 ? $", within 1 % at epoch {within1}. " : $", never within 1 %. ")
                .Append(Enumerable.Range(from - 1, curve.Length - from + 1).All(i => i == 0 || curve[i] < curve[i - 1])
                    ? $"It still fell in every one of epochs {from}–{last}: it had not levelled off.\n"
                    : $"Over epochs {from}–{last} it moves between {F(low)} ({Percent(100 * (low - reference) / reference)}) and " +
                      $"{F(high)} ({Percent(100 * (high - reference) / reference)})" +
                      ((high - low) / reference > 0.01
                          ? ", up as well as down: mini-batch noise keeps the model moving until the learning rate has decayed, and " +
                            "the last epochs settle in that band.\n"
                          : ".\n"));
        }

        int testRows = (int)binary["test_rows"]!;
        double lbfgsAccuracy = (double)b[Reference]!["accuracy"]!;
        text.Append($"- Binary accuracy ranges from {F(Min(b, "accuracy"))} ({Lowest(b, "accuracy")}) to {F(Max(b, "accuracy"))} ")
            .Append($"({Highest(b, "accuracy")}), {Points(Max(b, "accuracy") - Min(b, "accuracy"))} percentage points, against a binomial ")
            .Append($"standard error of {Points(StandardError(lbfgsAccuracy, testRows))} points for one accuracy on {Count(testRows)} test images; ")
            .Append($"AUC ranges from {F(Min(b, "auc"))} to {F(Max(b, "auc"))}.\n");
        int multiclassTest = (int)multiclass["test_rows"]!;
        double multiclassAccuracy = (double)m[Reference]!["accuracy"]!;
        text.Append($"- Ten classes, test log-loss against L-BFGS ({F(m[Reference]!["log_loss"])} nats): ")
            .Append(string.Join("; ", Others().Select(t => $"{t.Label} {Gap(m[t.Key]!["log_loss_vs_lbfgs_percent"])}")))
            .Append($". Lowest: {Lowest(m, "log_loss")}. Accuracy ranges from {F(Min(m, "accuracy"))} ({Lowest(m, "accuracy")}) to ")
            .Append($"{F(Max(m, "accuracy"))} ({Highest(m, "accuracy")}), {Points(Max(m, "accuracy") - Min(m, "accuracy"))} percentage points, ")
            .Append($"against a standard error of {Points(StandardError(multiclassAccuracy, multiclassTest))} points on {Count(multiclassTest)} test images")
            .Append(RealDataTrainer.All.All(t => Math.Abs((double)m[t.Key]!["accuracy"]! - (double)m[t.Key]!["macro_accuracy"]!) < 5e-4)
                ? " (the test images are balanced over the classes, so macro and micro accuracy agree).\n"
                : ".\n");
        return text.ToString();
    }

    // Adds "<metric>_vs_lbfgs_percent" = 100 (x − x_L-BFGS) / x_L-BFGS to every trainer, from the rounded values.
    private static void AddGaps(JsonObject trainers, string metric)
    {
        double reference = (double)trainers[Reference]![metric]!;
        foreach (var (_, node) in trainers)
        {
            node![$"{metric}_vs_lbfgs_percent"] = Numbers.Round(100 * ((double)node[metric]! - reference) / reference);
        }
    }

    private static IEnumerable<RealDataTrainer> Others() => RealDataTrainer.All.Where(t => t.Key != Reference);

    private static string Lowest(JsonNode trainers, string metric) =>
        RealDataTrainer.All.MinBy(t => (double)trainers[t.Key]![metric]!)!.Label;

    private static string Highest(JsonNode trainers, string metric) =>
        RealDataTrainer.All.MaxBy(t => (double)trainers[t.Key]![metric]!)!.Label;

    private static double Min(JsonNode trainers, string metric) => RealDataTrainer.All.Min(t => (double)trainers[t.Key]![metric]!);

    private static double Max(JsonNode trainers, string metric) => RealDataTrainer.All.Max(t => (double)trainers[t.Key]![metric]!);

    private static string Within(JsonNode trainer, double percent) =>
        (double)trainer["log_loss_vs_lbfgs_percent"]! <= percent ? $"within {percent} %" : $"not within {percent} %";

    private static string Gap(JsonNode? percent) => (double)percent! switch
    {
        0 => "equal",
        > 0 and var p => $"{Numbers.Format(p, 3)} % higher",
        var p => $"{Numbers.Format(-p, 3)} % lower",
    };

    private static string Percent(JsonNode? percent) => Percent((double)percent!);

    private static string Percent(double percent) => Signed(percent) + " %";

    // √(p(1 − p)/n): the binomial standard error of an accuracy p measured on n images.
    private static double StandardError(double accuracy, int rows) => Math.Sqrt(accuracy * (1 - accuracy) / rows);

    private static string Points(double fraction) => Numbers.Format(100 * fraction, 2);

    private static string Signed(double x) => (x > 0 ? "+" : x < 0 ? "−" : "") + Numbers.Format(Math.Abs(x), 3);

    private static string F(JsonNode? x) => F((double)x!);

    private static string F(double x) => Numbers.Format(x, 4);

    // "all 2,000 test images" without a limit, else "the first 2,000 test images in file order".
    private static string Which(int? limit, int rows, string what) =>
        limit is null ? $"all {Count(rows)} {what}" : $"the first {Count(rows)} {what} in file order";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
