using AdaHessian.Benchmarks.Profiling;

namespace AdaHessian.Benchmarks.Tests;

// Symbols as `perf report --stdio --sort comm,dso,symbol` printed them for the profile workload (.NET 10, Debian 12 glibc).
public class ProfileSymbolsTests
{
    [Theory]
    [InlineData("[.] void [AdaHessian] AdaHessian.Objective.RowBlockKernels::Dot2(valuetype AdaHessian.Objective.RowBlockKernels/Rows&,valuetype AdaHessian.Objective.RowBlockKernels/Rows&,valuetype [System.Runtime]System.ReadOnlySpan`1<float64>,valuetype [System.Runtime]System.ReadOnlySpan`1<float64>,valuetype [System.Runtime]System.Span`1<float64>,valuetype [System.Runtime]System.Span`1<float64>)[OptimizedTier1]",
        "AdaHessian.Objective.RowBlockKernels::Dot2")]
    [InlineData("[.] instance bool [AdaHessian] AdaHessian.Objective.ChunkRunner::Work()[OptimizedTier1]", "AdaHessian.Objective.ChunkRunner::Work")]
    [InlineData("[.] instance void [AdaHessian] AdaHessian.Objective.ChunkRunner+Helper::Execute()[OptimizedTier1]", "AdaHessian.Objective.ChunkRunner+Helper::Execute")]
    [InlineData("[.] instance valuetype [System.Runtime]System.ValueTuple`2<float64,float64> [AdaHessian] AdaHessian.Objective.ChunkedPass::Run(valuetype [System.Runtime]System.ReadOnlyMemory`1<int32>,valuetype [System.Runtime]System.ReadOnlySpan`1<float64>,valuetype [System.Runtime]System.ReadOnlySpan`1<float64>,valuetype AdaHessian.Objective.PassShape,int32,valuetype [System.Runtime]System.Span`1<float64>,valuetype [System.Runtime]System.Span`1<float64>,valuetype [System.Runtime]System.Span`1<float64>)[OptimizedTier1]",
        "AdaHessian.Objective.ChunkedPass::Run")]
    [InlineData("[.] valuetype AdaHessian.Optimizers.MomentState [AdaHessian] AdaHessian.Optimizers.MomentScaling::Update(valuetype [System.Runtime]System.ReadOnlySpan`1<float64>,valuetype [System.Runtime]System.ReadOnlySpan`1<float64>)[OptimizedTier1]",
        "AdaHessian.Optimizers.MomentScaling::Update")]
    [InlineData("[.] instance int64 [AdaHessian] AdaHessian.Data.FeatureMatrix::StoredValueCountOf(valuetype [System.Runtime]System.ReadOnlySpan`1<int32>)[OptimizedTier1OSR]",
        "AdaHessian.Data.FeatureMatrix::StoredValueCountOf")]
    [InlineData("[.] void [System.Numerics.Tensors] System.Numerics.Tensors.TensorPrimitives::<InvokeSpanSpanIntoSpan>g__Vectorized512|83_3(!!0&,!!0&,!!0&,native uint)[OptimizedTier1]",
        "System.Numerics.Tensors.TensorPrimitives::InvokeSpanSpanIntoSpan.Vectorized512")]
    [InlineData("[.] bool [System.Private.CoreLib] System.Threading.PortableThreadPool+WorkerThread::TakeActiveRequest(class System.Threading.PortableThreadPool)[OptimizedTier1]",
        "System.Threading.PortableThreadPool+WorkerThread::TakeActiveRequest")]
    [InlineData("[.] instance void [System.Private.CoreLib] System.Collections.Generic.List`1<float64>::Add(float64)[Tier0]", "System.Collections.Generic.List::Add")]
    [InlineData("[.] __ieee754_exp_fma", "libm exp")]
    [InlineData("[.] exp@GLIBC_2.2.5", "libm exp")]
    [InlineData("[.] __ieee754_log_fma", "libm log")]
    [InlineData("[.] log@GLIBC_2.2.5", "libm log")]
    [InlineData("[.] __memset_avx512_unaligned_erms", "libc memset")]
    [InlineData("[.] __memmove_avx512_unaligned_erms", "libc memmove")]
    [InlineData("[.] __sched_yield", "__sched_yield")]
    [InlineData("[.] clock_gettime@@GLIBC_2.17", "clock_gettime")]
    [InlineData("[.] 0x000000000046e442", "unresolved address")]
    [InlineData("[.] @plt", "@plt")]
    [InlineData("[k] pvm_irq_enable", "kernel")]
    [InlineData("[k] __futex_hash", "kernel")]
    public void ShortensPerfSymbols(string symbol, string expected) => Assert.Equal(expected, ProfileSymbols.Shorten(symbol));

    [Theory]
    [InlineData("[.] 0x000000000046e442", "libcoreclr.so", "libcoreclr.so (unresolved)")]
    [InlineData("[.] 0x00007f3a1c2b0e10", "[JIT] tid 19869", "JIT code (unresolved)")]
    [InlineData("[.] __ieee754_exp_fma", "libm.so.6", "libm exp")]
    [InlineData("[k] pvm_irq_enable", "[kernel.kallsyms]", "kernel")]
    public void UnresolvedAddressesNameTheirObject(string symbol, string dso, string expected) =>
        Assert.Equal(expected, ProfileSymbols.Shorten(symbol, dso));

    [Theory]
    [InlineData("AdaHessian.Objective.RowBlockKernels::Dot2", ProfileSymbols.RowKernels)]
    [InlineData("AdaHessian.Objective.RowKernels::AddScaled2", ProfileSymbols.RowKernels)]
    [InlineData("AdaHessian.Objective.FusedPass::AddRowScalars", ProfileSymbols.RowKernels)]
    [InlineData("AdaHessian.Data.FeatureMatrix::DenseRowStart", ProfileSymbols.RowKernels)]
    [InlineData("AdaHessian.Objective.ChunkRunner::Work", ProfileSymbols.RowKernels)]
    [InlineData("AdaHessian.Objective.ChunkedPass::Run", ProfileSymbols.RowKernels)]
    [InlineData("libm exp", ProfileSymbols.ExpLog)]
    [InlineData("libm log", ProfileSymbols.ExpLog)]
    [InlineData("AdaHessian.Objective.RowKernels::SumOfSquares", ProfileSymbols.VectorWork)]
    [InlineData("AdaHessian.Objective.RowKernels::ScaleAndAdd", ProfileSymbols.VectorWork)]
    [InlineData("AdaHessian.Objective.LogisticObjective::Finish", ProfileSymbols.VectorWork)]
    [InlineData("AdaHessian.Optimizers.MomentScaling::Update", ProfileSymbols.VectorWork)]
    [InlineData("AdaHessian.Curvature.CurvatureEstimator::HutchinsonDiagonal", ProfileSymbols.VectorWork)]
    [InlineData("System.Numerics.Tensors.TensorPrimitives::InvokeSpanSpanIntoSpan.Vectorized512", ProfileSymbols.VectorWork)]
    [InlineData("libc memset", ProfileSymbols.VectorWork)]
    [InlineData("AdaHessian.Objective.ChunkRunner+Helper::Execute", ProfileSymbols.Runner)]
    [InlineData("System.Threading.PortableThreadPool+WorkerThread::TakeActiveRequest", ProfileSymbols.Runner)]
    [InlineData("__sched_yield", ProfileSymbols.Runner)]
    [InlineData("kernel", ProfileSymbols.Kernel)]
    [InlineData("AdaHessian.Objective.LogisticObjective::Evaluate", ProfileSymbols.Mixed)]
    [InlineData("AdaHessian.Objective.LogisticObjective::EvaluateWithHessianProducts", ProfileSymbols.Mixed)]
    [InlineData("AdaHessian.Curvature.CurvatureEstimator::EvaluateAndRefresh", ProfileSymbols.Mixed)]
    [InlineData("AdaHessian.Benchmarks.Profiling.ProfileWorkload::Loop", ProfileSymbols.Mixed)]
    [InlineData("libcoreclr.so (unresolved)", ProfileSymbols.Runner)]
    [InlineData("libclrjit.so (unresolved)", ProfileSymbols.Other)]
    [InlineData("unresolved address", ProfileSymbols.Other)]
    [InlineData("@plt", ProfileSymbols.Other)]
    public void CategoriesFollowTheTable(string shortName, string category) => Assert.Equal(category, ProfileSymbols.CategoryOf(shortName));

    [Fact]
    public void TheTableUsesOnlyReportedCategoriesAndReachesEachButOther()
    {
        Assert.All(ProfileSymbols.CategoryTable, row => Assert.Contains(row.Category, ProfileSymbols.Categories));
        Assert.Equal(ProfileSymbols.Categories.Where(c => c != ProfileSymbols.Other),
            ProfileSymbols.Categories.Where(c => ProfileSymbols.CategoryTable.Any(row => row.Category == c)));
    }
}
