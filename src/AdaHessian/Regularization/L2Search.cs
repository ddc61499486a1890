using System.Diagnostics;
using AdaHessian.Objective;

namespace AdaHessian.Regularization;

/// <summary>
/// Chooses the L2 strength λ (ML.NET's meaning: the objective is Σωℓ + (λ/2)‖w‖², biases unregularized) from the
/// training data alone — by cross-validation along a warm-started path, by the evidence, or on a validation set. Every
/// inner problem is solved by truncated Newton with the objective's exact Hessian-vector products. Deterministic: the
/// same data, options and seed give the same choice, for any thread count.
/// </summary>
public static class L2Search
{
    /// <summary>What λ falls back to when the data cannot choose (one class): ML.NET's default.</summary>
    public const double Fallback = 1;

    /// <summary>Chooses λ.</summary>
    /// <param name="unregularized">The training objective with L2 = 0 (the data term only).</param>
    /// <param name="classes">The class of every row (0/1 for a logistic neuron), to stratify the folds and detect one-class data.</param>
    /// <param name="weights">Every row's example weight; empty when all weigh 1.</param>
    /// <param name="method">
    /// How to choose. <see cref="L2Method.CrossValidation"/> falls back to <see cref="L2Method.Evidence"/> when a class
    /// has a single row in the rows searched (no fold could both train on it and hold it out); a class with fewer rows
    /// than folds is held out in only some folds, as scikit-learn's stratified folds do; <see cref="L2Method.ValidationSet"/> needs <paramref name="validation"/>.
    /// </param>
    /// <param name="options">Folds, range, probes, seed and accuracy.</param>
    /// <param name="start">Where every fit starts (weights then biases); empty for zeros.</param>
    /// <param name="validation">The validation rows' objective with L2 = 0, for <see cref="L2Method.ValidationSet"/>.</param>
    /// <param name="cancellationToken">Checked before every data pass.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting breaks its rule, or a length does not match the objective.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static L2Choice Choose(IObjective unregularized, ReadOnlySpan<int> classes, ReadOnlySpan<float> weights,
        L2Method method, L2SearchOptions options, ReadOnlySpan<double> start = default, IObjective? validation = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unregularized);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        OptionChecks.Defined(method, nameof(method));
        int rows = unregularized.AllRows.Length;
        if (classes.Length != rows)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes.Length, $"Must hold one class per row ({rows}).");
        }

        if (!weights.IsEmpty && weights.Length != rows)
        {
            throw new ArgumentOutOfRangeException(nameof(weights), weights.Length, $"Must hold one weight per row ({rows}), or none.");
        }

        if (!start.IsEmpty && start.Length != unregularized.ParameterCount)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start.Length, $"Must hold {unregularized.ParameterCount} values, or none for zeros.");
        }

        if (method == L2Method.ValidationSet && validation is null)
        {
            throw new ArgumentOutOfRangeException(nameof(validation), "L2Method.ValidationSet needs the validation objective.");
        }

        var clock = Stopwatch.StartNew();
        var theta = start.IsEmpty ? new double[unregularized.ParameterCount] : start.ToArray();
        int[] counts = ClassCounts(classes);
        if (counts.Count(n => n > 0) < 2)
        {
            return new L2Choice(Fallback, method, [], 0, clock.Elapsed,
                FormattableString.Invariant($"the training data holds one class, so no strength predicts better than another; L2 {Fallback} (ML.NET's default)"));
        }

        int searchedRows = Math.Min(rows, options.MaximumRows);
        int folds = options.FoldsFor(searchedRows);
        string? fallback = null;
        // Stratified dealing puts a class's rows in distinct folds, so with two or more rows every fold trains on it.
        int parts = Math.Max(1, (rows + options.MaximumRows - 1) / options.MaximumRows);
        if (method == L2Method.CrossValidation && counts.Where(n => n > 0).Min() < 2 * parts)
        {
            fallback = FormattableString.Invariant($"a class has {(parts == 1 ? "one row" : "too few rows for the searched sample to hold two")}, so some fold could not train on it; chose by the evidence instead");
            method = L2Method.Evidence;
        }

        var objective = new PenalizedObjective(unregularized);
        var solver = new NewtonSolver(objective);
        int[] searched = Sample(classes, options);
        double total = Sum(weights, searched);
        (double best, List<L2Candidate> candidates, string? warning) = method switch
        {
            L2Method.Evidence => EvidenceFixedPoint.Run(solver, objective, searched, total, theta, options, cancellationToken),
            L2Method.ValidationSet => RegularizationPath.Run(solver,
                [new SearchFold(searched, total, validation!, validation!.AllRows, 1)],
                options.Grid(), theta, options.Tolerance, cancellationToken),
            _ => RegularizationPath.Run(solver, Folds(unregularized, searched, classes, weights, folds, options.Seed), options.Grid(), theta,
                options.Tolerance, cancellationToken),
        };

        string? sampled = searched.Length < rows
            ? FormattableString.Invariant($"searched on a stratified sample of {searched.Length:N0} of the {rows:N0} rows")
            : null;
        string? note = Join(fallback, Join(warning, sampled));
        return new L2Choice(best, method, candidates, solver.Passes, clock.Elapsed, note,
            method == L2Method.CrossValidation ? folds : 0);
    }

    // Every row, or a stratified sample of at most MaximumRows of them (one fold of a ⌈rows / MaximumRows⌉-fold split).
    private static int[] Sample(ReadOnlySpan<int> classes, L2SearchOptions options)
    {
        if (classes.Length <= options.MaximumRows)
        {
            return Enumerable.Range(0, classes.Length).ToArray();
        }

        int parts = (classes.Length + options.MaximumRows - 1) / options.MaximumRows;
        int[] part = StratifiedFolds.Assign(classes, parts, unchecked(options.Seed * 31 + 7));
        return StratifiedFolds.Split(part, 0).HeldOut;
    }

    private static SearchFold[] Folds(IObjective objective, int[] searched, ReadOnlySpan<int> classes,
        ReadOnlySpan<float> weights, int count, int seed)
    {
        var sampleClasses = new int[searched.Length];
        for (int r = 0; r < searched.Length; r++)
        {
            sampleClasses[r] = classes[searched[r]];
        }

        int[] fold = StratifiedFolds.Assign(sampleClasses, count, seed);
        var folds = new SearchFold[count];
        for (int k = 0; k < count; k++)
        {
            (int[] train, int[] heldOut) = StratifiedFolds.Split(fold, k);
            int[] trainRows = train.Select(r => searched[r]).ToArray();
            int[] heldOutRows = heldOut.Select(r => searched[r]).ToArray();
            folds[k] = new SearchFold(trainRows, Sum(weights, trainRows), objective, heldOutRows, Sum(weights, heldOutRows));
        }

        return folds;
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "; " + second;

    private static int[] ClassCounts(ReadOnlySpan<int> classes)
    {
        int max = -1;
        foreach (int c in classes)
        {
            if (c < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(classes), c, "Classes must be ≥ 0.");
            }

            max = Math.Max(max, c);
        }

        var counts = new int[max + 1];
        foreach (int c in classes)
        {
            counts[c]++;
        }

        return counts;
    }

    private static double Sum(ReadOnlySpan<float> weights, ReadOnlySpan<int> rows)
    {
        if (weights.IsEmpty)
        {
            return rows.Length;
        }

        double sum = 0;
        foreach (int i in rows)
        {
            sum += weights[i];
        }

        return sum;
    }
}
