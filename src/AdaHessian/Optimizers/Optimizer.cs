using System.Runtime.CompilerServices;
using AdaHessian.Objective;

namespace AdaHessian.Optimizers;

/// <summary>
/// An optimizer as a chain of <see cref="IUpdateTransform"/> links (optax's <c>chain</c>): the gradient enters the
/// first link, each link rewrites the update, and the last link's output is added to θ. Adam and AdaHessian are two
/// such chains that differ only in what their preconditioner squares; where curvature comes from is the training
/// loop's business, not the optimizer's. Immutable: one instance can drive any number of runs.
/// </summary>
public sealed class Optimizer
{
    private readonly IUpdateTransform[] _links;

    /// <summary>Chains <paramref name="links"/>, applied in order.</summary>
    /// <param name="name">Short display name, e.g. "Adam".</param>
    /// <param name="learningRate">η as the user set it, quoted in error messages.</param>
    /// <param name="links">The transforms, first to last.</param>
    public Optimizer(string name, double learningRate, params IUpdateTransform[] links)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(links);
        if (links.Length == 0 || links.Any(l => l is null))
        {
            throw new ArgumentOutOfRangeException(nameof(links), "Must hold at least one transform and no null.");
        }

        Name = name;
        LearningRate = learningRate;
        _links = (IUpdateTransform[])links.Clone();
        UsesCurvature = _links.OfType<ScaleByMoments>().Any(l => l.Source == SecondMomentSource.Curvature);
    }

    /// <summary>Short display name, e.g. "Adam" or "AdaHessian (k=1)".</summary>
    public string Name { get; }

    /// <summary>η as set by the user (the schedule may change it step by step).</summary>
    public double LearningRate { get; }

    /// <summary>True when a link needs the curvature estimate D, which the training loop must then supply.</summary>
    public bool UsesCurvature { get; }

    /// <summary>The links, first to last.</summary>
    public IReadOnlyList<IUpdateTransform> Links => _links;

    /// <summary>Adam (AdamW when <see cref="MomentOptions.WeightDecay"/> &gt; 0): moments of g, decay, −η.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    /// <param name="options">The settings; null for the defaults.</param>
    /// <param name="schedule">η per step; null for the constant <see cref="MomentOptions.LearningRate"/>.</param>
    public static Optimizer Adam(AdamOptions? options = null, ILearningRateSchedule? schedule = null)
    {
        options ??= new AdamOptions();
        options.Validate();
        return new Optimizer(options.WeightDecay > 0 ? "AdamW" : "Adam", options.LearningRate,
            new ScaleByMoments(options.Beta1, options.Beta2, options.Epsilon, Power: 1, SecondMomentSource.Gradient),
            new AddDecayedWeights(options.WeightDecay),
            new ScaleByLearningRate(schedule ?? new ConstantLearningRate(options.LearningRate)));
    }

    /// <summary>AdaHessian: moments of g and of D with Hessian power k, decay, −η.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule; the exception names it.</exception>
    /// <param name="options">The settings; null for the defaults.</param>
    /// <param name="schedule">η per step; null for the constant <see cref="MomentOptions.LearningRate"/>.</param>
    public static Optimizer AdaHessian(AdaHessianOptions? options = null, ILearningRateSchedule? schedule = null)
    {
        options ??= new AdaHessianOptions();
        options.Validate();
        return new Optimizer($"AdaHessian (k={options.HessianPower:0.##})", options.LearningRate,
            new ScaleByMoments(options.Beta1, options.Beta2, options.Epsilon, options.HessianPower, SecondMomentSource.Curvature),
            new AddDecayedWeights(options.WeightDecay),
            new ScaleByLearningRate(schedule ?? new ConstantLearningRate(options.LearningRate)));
    }

    /// <summary>The state before the first step.</summary>
    public OptimizerState Init(ParameterLayout layout) =>
        new(_links.Select(l => l.Init(layout)).ToArray(), layout);

    /// <summary>Takes one step in place on <paramref name="parameters"/>.</summary>
    /// <param name="gradient">∇F_B(θ).</param>
    /// <param name="curvature">D; empty when <see cref="UsesCurvature"/> is false.</param>
    /// <param name="state">This run's state, from <see cref="Init"/>; advanced in place.</param>
    /// <param name="parameters">θ, replaced by the new θ.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step(ReadOnlySpan<double> gradient, ReadOnlySpan<double> curvature, OptimizerState state, Span<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.States.Length != _links.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(state), "Was not created by this optimizer's Init.");
        }

        Span<double> updates = state.Updates;
        if (gradient.Length != updates.Length || parameters.Length != updates.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(gradient), $"Gradient and parameters must hold {updates.Length} values.");
        }

        var input = new UpdateInput(gradient, curvature, parameters, state.Step + 1, state.Layout);
        gradient.CopyTo(updates);
        for (int i = 0; i < _links.Length; i++)
        {
            _links[i].Update(input, state.States[i], updates);
        }

        MomentScaling.Add(updates, parameters);
        state.Step++;
    }
}
