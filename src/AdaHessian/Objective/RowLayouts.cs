using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>The row kernels of one storage layout, as static members so that generic code is compiled per layout.</summary>
internal interface IRowKernels
{
    static abstract double Dot(FeatureRow row, ReadOnlySpan<double> w);

    static abstract void Dot2(FeatureRow row, ReadOnlySpan<double> w, ReadOnlySpan<double> z, out double xw, out double xz);

    static abstract void AddScaled(double c, FeatureRow row, Span<double> acc);

    static abstract void AddScaled2(double c1, double c2, FeatureRow row, Span<double> acc1, Span<double> acc2);

    static abstract void AddScaledSquares(double c, FeatureRow row, Span<double> acc);

    static abstract void AddScaledAndSquares(double c1, double c2, FeatureRow row, Span<double> acc1, Span<double> acc2);
}

/// <summary><see cref="RowKernels"/> on dense rows.</summary>
internal readonly struct DenseRow : IRowKernels
{
    public static double Dot(FeatureRow row, ReadOnlySpan<double> w) => RowKernels.Dot(row.Values, w);

    public static void Dot2(FeatureRow row, ReadOnlySpan<double> w, ReadOnlySpan<double> z, out double xw, out double xz) =>
        RowKernels.Dot2(row.Values, w, z, out xw, out xz);

    public static void AddScaled(double c, FeatureRow row, Span<double> acc) => RowKernels.AddScaled(c, row.Values, acc);

    public static void AddScaled2(double c1, double c2, FeatureRow row, Span<double> acc1, Span<double> acc2) =>
        RowKernels.AddScaled2(c1, c2, row.Values, acc1, acc2);

    public static void AddScaledSquares(double c, FeatureRow row, Span<double> acc) =>
        RowKernels.AddScaledSquares(c, row.Values, acc);

    public static void AddScaledAndSquares(double c1, double c2, FeatureRow row, Span<double> acc1, Span<double> acc2) =>
        RowKernels.AddScaledAndSquares(c1, c2, row.Values, acc1, acc2);
}

/// <summary><see cref="RowKernels"/> on CSR rows.</summary>
internal readonly struct SparseRow : IRowKernels
{
    public static double Dot(FeatureRow row, ReadOnlySpan<double> w) => RowKernels.Dot(row.Values, row.Indices, w);

    public static void Dot2(FeatureRow row, ReadOnlySpan<double> w, ReadOnlySpan<double> z, out double xw, out double xz) =>
        RowKernels.Dot2(row.Values, row.Indices, w, z, out xw, out xz);

    public static void AddScaled(double c, FeatureRow row, Span<double> acc) =>
        RowKernels.AddScaled(c, row.Values, row.Indices, acc);

    public static void AddScaled2(double c1, double c2, FeatureRow row, Span<double> acc1, Span<double> acc2) =>
        RowKernels.AddScaled2(c1, c2, row.Values, row.Indices, acc1, acc2);

    public static void AddScaledSquares(double c, FeatureRow row, Span<double> acc) =>
        RowKernels.AddScaledSquares(c, row.Values, row.Indices, acc);

    public static void AddScaledAndSquares(double c1, double c2, FeatureRow row, Span<double> acc1, Span<double> acc2) =>
        RowKernels.AddScaledAndSquares(c1, c2, row.Values, row.Indices, acc1, acc2);
}
