using System.Runtime.CompilerServices;
using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>What one pass over the rows produces besides the loss.</summary>
/// <param name="Gradient">Σωℓ′x̃.</param>
/// <param name="ProbeCount">N, the number of Hessian-vector products Σωℓ″(x̃·z)x̃.</param>
/// <param name="Diagonal">Σωℓ″x̃², the exact Hessian diagonal.</param>
internal readonly record struct PassShape(bool Gradient, int ProbeCount, bool Diagonal)
{
    /// <summary>Gradient plus one probe: the AdaHessian step's shape, which has fused two-vector kernels.</summary>
    public bool SingleProbe => ProbeCount == 1 && Gradient;
}

/// <summary>
/// The raw sums of one pass over a list of rows: Σωℓ, Σω, and the vectors of <see cref="PassShape"/>, with
/// x̃ = (x, 1). Each row is read once; every accumulator element receives the rows' contributions in row order.
/// </summary>
/// <remarks>
/// Dense rows go through <see cref="RowBlockKernels"/> four at a time when the CPU has AVX-512, otherwise through
/// <see cref="RowKernels"/> one at a time; both give the same bits, so results do not depend on the CPU.
/// </remarks>
internal ref struct FusedPass
{
    private readonly LogisticDataset _data;
    private readonly LossKind _loss;
    private readonly ReadOnlySpan<double> _w;
    private readonly double _bias;
    private readonly ReadOnlySpan<double> _probes;
    private readonly PassShape _shape;
    private readonly Span<double> _gradient;
    private readonly Span<double> _products;
    private readonly Span<double> _diagonal;
    private readonly Span<double> _curvatures;
    private double _lossSum;
    private double _weightSum;

    /// <param name="data">The examples.</param>
    /// <param name="loss">The per-example loss.</param>
    /// <param name="theta">The d weights, then the bias.</param>
    /// <param name="probes">N probes laid out like θ.</param>
    /// <param name="shape">What to accumulate.</param>
    /// <param name="gradient">Σωℓ′x̃, cleared by the caller (empty without gradient).</param>
    /// <param name="products">Σωℓ″(x̃·z)x̃ for each probe, cleared by the caller.</param>
    /// <param name="diagonal">Σωℓ″x̃², cleared by the caller (empty without diagonal).</param>
    /// <param name="curvatures">
    /// Empty, or one value per row of the pass (by position in the rows): ωℓ″ there, for <see cref="CurvatureProductPass"/>.
    /// Written only by a pass with the gradient; rows of weight 0 are left as they were.
    /// </param>
    public FusedPass(LogisticDataset data, LossKind loss, ReadOnlySpan<double> theta, ReadOnlySpan<double> probes,
        PassShape shape, Span<double> gradient, Span<double> products, Span<double> diagonal,
        Span<double> curvatures = default)
    {
        _data = data;
        _loss = loss;
        _w = theta[..data.FeatureCount];
        _bias = theta[data.FeatureCount];
        _probes = probes;
        _shape = shape;
        _gradient = gradient;
        _products = products;
        _diagonal = diagonal;
        _curvatures = curvatures;
    }

    /// <summary>Adds the rows' contributions to the accumulators (which the caller has cleared) and returns (Σωℓ, Σω).</summary>
    /// <param name="rows">Row indices, in the order their contributions are added.</param>
    /// <param name="allowBlocks">False forces the row-by-row kernels (to test that blocks give the same bits).</param>
    public (double Loss, double Weight) Run(ReadOnlySpan<int> rows, bool allowBlocks = true)
    {
        if (_data.Features.IsSparse)
        {
            RunRows<SparseRow>(rows);
        }
        else if (allowBlocks && RowBlockKernels.IsSupported && _shape.ProbeCount <= 1 && _data.FeatureCount > 0)
        {
            RunInBlocks(rows);
        }
        else
        {
            RunRows<DenseRow>(rows);
        }

        return (_lossSum, _weightSum);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunInBlocks(ReadOnlySpan<int> rows)
    {
        const int size = RowBlockKernels.Size;
        Span<int> block = stackalloc int[size];
        Span<int> positions = stackalloc int[size];
        Span<double> xw = stackalloc double[size];
        Span<double> xz = stackalloc double[size];
        Span<double> cg = stackalloc double[size];
        Span<double> ch = stackalloc double[size];
        Span<double> cd = stackalloc double[size];
        FeatureMatrix x = _data.Features;
        int d = _data.FeatureCount;
        int next = 0;
        while (true)
        {
            int count = 0;
            while (count < size && next < rows.Length)
            {
                int i = rows[next];
                if (Weight(i) != 0)
                {
                    positions[count] = next;
                    block[count++] = i;
                }

                next++;
            }

            if (count < size)
            {
                for (int k = 0; k < count; k++)
                {
                    AddRow<DenseRow>(block[k], positions[k]);
                }

                return;
            }

            var current = RowsOf(x, block);
            var ahead = next + size <= rows.Length ? RowsOf(x, rows.Slice(next, size)) : current;
            if (_shape.SingleProbe)
            {
                RowBlockKernels.Dot2(current, ahead, _w, _probes[..d], xw, xz);
            }
            else
            {
                RowBlockKernels.Dot(current, ahead, _w, xw);
            }

            for (int k = 0; k < size; k++)
            {
                AddRowScalars(block[k], positions[k], xw[k], xz[k], out cg[k], out ch[k], out cd[k]);
            }

            if (!_shape.Gradient)
            {
                continue;
            }

            if (_shape.SingleProbe)
            {
                RowBlockKernels.AddScaled2(cg, ch, current, _gradient, _products);
                if (_shape.Diagonal)
                {
                    RowBlockKernels.AddScaledSquares(cd, current, _diagonal);
                }
            }
            else if (_shape.Diagonal)
            {
                RowBlockKernels.AddScaledAndSquares(cg, cd, current, _gradient, _diagonal);
            }
            else
            {
                RowBlockKernels.AddScaled(cg, current, _gradient);
            }
        }
    }

    // One instantiation per layout: the JIT compiles (and profiles) the dense and the sparse row loop separately, so
    // running one layout never shapes the machine code of the other.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunRows<TRow>(scoped ReadOnlySpan<int> rows)
        where TRow : struct, IRowKernels
    {
        for (int r = 0; r < rows.Length; r++)
        {
            AddRow<TRow>(rows[r], r);
        }
    }

    private void AddRow<TRow>(int i, int position)
        where TRow : struct, IRowKernels
    {
        if (Weight(i) == 0)
        {
            return;
        }

        FeatureRow row = _data.Features.Row(i);
        double xw, xz = 0;
        if (_shape.SingleProbe)
        {
            TRow.Dot2(row, _w, _probes[.._w.Length], out xw, out xz);
        }
        else
        {
            xw = TRow.Dot(row, _w);
        }

        AddRowScalars(i, position, xw, xz, out double cg, out double ch, out double cd);
        if (!_shape.Gradient)
        {
            return;
        }

        if (_shape.SingleProbe)
        {
            TRow.AddScaled2(cg, ch, row, _gradient, _products);
            if (_shape.Diagonal)
            {
                TRow.AddScaledSquares(cd, row, _diagonal);
            }

            return;
        }

        if (_shape.Diagonal)
        {
            TRow.AddScaledAndSquares(cg, cd, row, _gradient, _diagonal);
        }
        else
        {
            TRow.AddScaled(cg, row, _gradient);
        }

        AddProbeProducts<TRow>(row, cd);
    }

    // Everything of one row but its d-long updates, once its dot products x·w (and x·z) are known: the loss and weight
    // sums and the bias entries. Returns the coefficients of x in the gradient (cg) and in the single probe's product
    // (ch), and the row's curvature ωℓ″ (cd), the coefficient of x² in the diagonal.
    private void AddRowScalars(int i, int position, double xw, double xz, out double cg, out double ch, out double cd)
    {
        double omega = Weight(i);
        int d = _data.FeatureCount;
        double loss = LossDerivatives.Evaluate(_loss, xw + _bias, _data.Labels[i], out double first, out double second);
        _lossSum += omega * loss;
        _weightSum += omega;
        cg = ch = cd = 0;
        if (!_shape.Gradient)
        {
            return;
        }

        cg = omega * first;
        cd = omega * second;
        if (_curvatures.Length > 0)
        {
            _curvatures[position] = cd;
        }

        _gradient[d] += cg;
        if (_shape.SingleProbe)
        {
            ch = cd * (xz + _probes[d]);
            _products[d] += ch;
        }

        if (_shape.Diagonal)
        {
            _diagonal[d] += cd;
        }
    }

    // Several probes (N > 1): one extra dot product and update per probe and row.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddProbeProducts<TRow>(FeatureRow row, double curvature)
        where TRow : struct, IRowKernels
    {
        int d = _data.FeatureCount;
        int p = d + 1;
        for (int s = 0; s < _shape.ProbeCount; s++)
        {
            ReadOnlySpan<double> z = _probes.Slice(s * p, p);
            double u = TRow.Dot(row, z) + z[d];
            double ch = curvature * u;
            Span<double> hz = _products.Slice(s * p, p);
            TRow.AddScaled(ch, row, hz);
            hz[d] += ch;
        }
    }

    private double Weight(int i) => _data.Weights is { } weights ? weights[i] : 1.0;

    private static RowBlockKernels.Rows RowsOf(FeatureMatrix x, ReadOnlySpan<int> rows) => new(
        ref x.DenseRowStart(rows[0]), ref x.DenseRowStart(rows[1]), ref x.DenseRowStart(rows[2]),
        ref x.DenseRowStart(rows[3]), x.ColumnCount);
}
