using AdaHessian.Benchmarks.Kernels;

namespace AdaHessian.Benchmarks.Profiling;

/// <summary>What one profiled iteration does: one of the <see cref="KernelBenchmarks"/> methods.</summary>
internal enum ProfileWork
{
    /// <summary>Loss and gradient (<see cref="KernelBenchmarks.LossGradient"/>).</summary>
    Gradient,

    /// <summary>Loss, gradient and one Hessian-vector product (<see cref="KernelBenchmarks.LossGradientHz"/>).</summary>
    Hz,

    /// <summary>A whole AdaHessian step (<see cref="KernelBenchmarks.AdaHessianStep"/>).</summary>
    AdaHessianStep,

    /// <summary>A whole Adam step (<see cref="KernelBenchmarks.AdamStep"/>).</summary>
    AdamStep,
}

/// <summary>One profiled kernel case, named <c>&lt;layout&gt;-&lt;batch&gt;-&lt;work&gt;</c>, e.g. <c>sparse-256-adam-step</c>.</summary>
internal sealed record ProfileCase(Layout Layout, string Batch, ProfileWork Work)
{
    /// <summary>Every case: Dense/Sparse × Full/256 × the four kinds of work.</summary>
    public static IReadOnlyList<ProfileCase> All { get; } =
    [
        .. from layout in Enum.GetValues<Layout>()
           from batch in new[] { "Full", "256" }
           from work in Enum.GetValues<ProfileWork>()
           select new ProfileCase(layout, batch, work),
    ];

    public string Name => string.Join('-', Layout.ToString().ToLowerInvariant(), Batch.ToLowerInvariant(), WorkName(Work));

    /// <summary>The benchmark's description of the work, as in performance.md.</summary>
    public string Description => Work switch
    {
        ProfileWork.Gradient => "loss+gradient",
        ProfileWork.Hz => "loss+gradient+Hz",
        ProfileWork.AdaHessianStep => "AdaHessian step",
        _ => "Adam step",
    };

    public static ProfileCase? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>Sets up <see cref="KernelBenchmarks"/> for this case and returns one iteration of its work.</summary>
    public Action Bind(KernelBenchmarks benchmarks)
    {
        benchmarks.Layout = Layout;
        benchmarks.Batch = Batch;
        benchmarks.Setup();
        return Work switch
        {
            ProfileWork.Gradient => () => benchmarks.LossGradient(),
            ProfileWork.Hz => () => benchmarks.LossGradientHz(),
            ProfileWork.AdaHessianStep => benchmarks.AdaHessianStep,
            _ => benchmarks.AdamStep,
        };
    }

    public override string ToString() => Name;

    private static string WorkName(ProfileWork work) => work switch
    {
        ProfileWork.Gradient => "grad",
        ProfileWork.Hz => "hz",
        ProfileWork.AdaHessianStep => "adahessian-step",
        _ => "adam-step",
    };
}
