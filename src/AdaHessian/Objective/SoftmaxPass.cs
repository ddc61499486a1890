using System.Runtime.CompilerServices;
using AdaHessian.Data;

namespace AdaHessian.Objective;

/// <summary>
/// The raw sums of one pass of a softmax layer over a list of rows: Σω(−log p_y), Σω, and the vectors of
/// <see cref="PassShape"/> laid out class-major (block k = wₖ then bₖ), with x̃ = (x, 1). Each row's K logits come
/// first, then its probabilities (max-subtracted, so no exponential overflows), then one update per class.
/// </summary>
/// <remarks>
/// Only <see cref="RowKernels"/>' per-row kernels are used; their bits do not depend on the CPU's vector width, so
/// neither do the sums. Every accumulator element receives the rows' contributions in row order.
/// </remarks>
internal ref struct SoftmaxPass
{
    private readonly MulticlassDataset _data;
    private readonly ReadOnlySpan<double> _theta;
    private readonly ReadOnlySpan<double> _probes;
    private readonly PassShape _shape;
    private readonly Span<double> _gradient;
    private readonly Span<double> _products;
    private readonly Span<double> _diagonal;
    private readonly Span<double> _p;
    private readonly Span<double> _u;
    private readonly Span<double> _probabilities;
    private double _lossSum;
    private double _weightSum;

    /// <param name="data">The examples.</param>
    /// <param name="theta">K blocks of d weights and a bias.</param>
    /// <param name="probes">N probes laid out like θ.</param>
    /// <param name="shape">What to accumulate.</param>
    /// <param name="gradient">Σω(p − e_y)⊗x̃, cleared by the caller (empty without gradient).</param>
    /// <param name="products">Σω p⊙(u − ū)⊗x̃ for each probe, cleared by the caller.</param>
    /// <param name="diagonal">Σω p(1 − p)⊗x̃², cleared by the caller (empty without diagonal).</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> doubles of working space.</param>
    /// <param name="probabilities">
    /// Empty, or K values per row of the pass (row r, by position in the rows, at [rK, rK + K)): its probabilities,
    /// for <see cref="SoftmaxCurvatureProductPass"/>. Written only by a pass with the gradient; rows of weight 0 are
    /// left as they were.
    /// </param>
    public SoftmaxPass(MulticlassDataset data, ReadOnlySpan<double> theta, ReadOnlySpan<double> probes, PassShape shape,
        Span<double> gradient, Span<double> products, Span<double> diagonal, Span<double> scratch,
        Span<double> probabilities = default)
    {
        int k = data.ClassCount;
        _data = data;
        _theta = theta;
        _probes = probes;
        _shape = shape;
        _gradient = gradient;
        _products = products;
        _diagonal = diagonal;
        _p = scratch[..k];
        _u = scratch.Slice(k, k);
        _probabilities = probabilities;
    }

    /// <summary>Working space a pass needs: the probabilities and one probe's logit directions, K each.</summary>
    public static int ScratchLength(int classCount) => 2 * classCount;

    /// <summary>Adds the rows' contributions to the accumulators and returns (Σωℓ, Σω).</summary>
    public (double Loss, double Weight) Run(ReadOnlySpan<int> rows)
    {
        if (_data.Features.IsSparse)
        {
            RunRows<SparseRow>(rows);
        }
        else
        {
            RunRows<DenseRow>(rows);
        }

        return (_lossSum, _weightSum);
    }

    // One instantiation per layout, as in FusedPass.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunRows<TRow>(ReadOnlySpan<int> rows)
        where TRow : struct, IRowKernels
    {
        for (int r = 0; r < rows.Length; r++)
        {
            AddRow<TRow>(rows[r], r);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRow<TRow>(int i, int position)
        where TRow : struct, IRowKernels
    {
        double omega = _data.Weights is { } weights ? weights[i] : 1.0;
        if (omega == 0)
        {
            return; // also keeps a row whose loss would be ∞ from turning the sum into NaN
        }

        FeatureRow row = _data.Features.Row(i);
        int y = _data.Labels[i];
        double shiftedLabelLogit = Probabilities<TRow>(row, y, out double logSum);
        _lossSum += omega * (logSum - shiftedLabelLogit);
        _weightSum += omega;
        if (!_shape.Gradient)
        {
            return;
        }

        if (_probabilities.Length > 0)
        {
            _p.CopyTo(_probabilities.Slice(position * _p.Length, _p.Length));
        }

        int d = _data.FeatureCount;
        int b = d + 1;
        double uMean = _shape.SingleProbe ? MeanDirection(_u) : 0;
        for (int k = 0; k < _p.Length; k++)
        {
            double pk = _p[k];
            int start = k * b;
            double cg = omega * (k == y ? pk - 1 : pk);
            Span<double> g = _gradient.Slice(start, d);
            double cd = omega * (pk * (1 - pk));
            if (_shape.SingleProbe)
            {
                double ch = omega * pk * (_u[k] - uMean);
                TRow.AddScaled2(cg, ch, row, g, _products.Slice(start, d));
                _products[start + d] += ch;
                if (_shape.Diagonal)
                {
                    TRow.AddScaledSquares(cd, row, _diagonal.Slice(start, d));
                }
            }
            else if (_shape.Diagonal)
            {
                TRow.AddScaledAndSquares(cg, cd, row, g, _diagonal.Slice(start, d));
            }
            else
            {
                TRow.AddScaled(cg, row, g);
            }

            _gradient[start + d] += cg;
            if (_shape.Diagonal)
            {
                _diagonal[start + d] += cd;
            }
        }

        if (!_shape.SingleProbe)
        {
            AddProbeProducts<TRow>(row, omega);
        }
    }

    // Fills _p with softmax(W x + b) (and, with one probe, _u with uₖ = zₖ·x̃ from the same reads of x); returns
    // a_y − max a and, in logSum, log Σ exp(a − max a), so that −log p_y = logSum − (a_y − max a).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Probabilities<TRow>(FeatureRow row, int y, out double logSum)
        where TRow : struct, IRowKernels
    {
        int d = _data.FeatureCount;
        int b = d + 1;
        bool single = _shape.SingleProbe;
        double max = double.NegativeInfinity;
        for (int k = 0; k < _p.Length; k++)
        {
            int start = k * b;
            double xw;
            if (single)
            {
                TRow.Dot2(row, _theta.Slice(start, d), _probes.Slice(start, d), out xw, out double xz);
                _u[k] = xz + _probes[start + d];
            }
            else
            {
                xw = TRow.Dot(row, _theta.Slice(start, d));
            }

            double a = xw + _theta[start + d];
            _p[k] = a;
            max = Math.Max(max, a);
        }

        double shiftedLabelLogit = _p[y] - max;
        double sum = 0;
        for (int k = 0; k < _p.Length; k++)
        {
            double e = Math.Exp(_p[k] - max);
            _p[k] = e;
            sum += e;
        }

        // sum ≥ 1 (the largest logit contributes e⁰), so the log is finite and the divisions safe.
        logSum = Math.Log(sum);
        if (_shape.Gradient)
        {
            for (int k = 0; k < _p.Length; k++)
            {
                _p[k] /= sum;
            }
        }

        return shiftedLabelLogit;
    }

    // ū = Σₖ pₖuₖ: the softmax Hessian in logit space is diag(p) − ppᵀ, so (H u)ₖ = pₖ(uₖ − ū).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly double MeanDirection(ReadOnlySpan<double> u)
    {
        double mean = 0;
        for (int k = 0; k < u.Length; k++)
        {
            mean += _p[k] * u[k];
        }

        return mean;
    }

    // Several probes (N > 1): one extra dot product and update per probe, class and row.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddProbeProducts<TRow>(FeatureRow row, double omega)
        where TRow : struct, IRowKernels
    {
        int d = _data.FeatureCount;
        int b = d + 1;
        int p = _p.Length * b;
        for (int s = 0; s < _shape.ProbeCount; s++)
        {
            ReadOnlySpan<double> z = _probes.Slice(s * p, p);
            for (int k = 0; k < _p.Length; k++)
            {
                _u[k] = TRow.Dot(row, z.Slice(k * b, d)) + z[k * b + d];
            }

            double uMean = MeanDirection(_u);
            Span<double> hz = _products.Slice(s * p, p);
            for (int k = 0; k < _p.Length; k++)
            {
                double ch = omega * _p[k] * (_u[k] - uMean);
                TRow.AddScaled(ch, row, hz.Slice(k * b, d));
                hz[k * b + d] += ch;
            }
        }
    }
}
