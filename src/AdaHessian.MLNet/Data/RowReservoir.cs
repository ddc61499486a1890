using AdaHessian.Data;
using MathNet.Numerics.Random;
using Microsoft.ML.Data;

namespace AdaHessian.MLNet.Data;

/// <summary>
/// A uniform sample of a fixed number of rows from a stream of unknown length (reservoir sampling, Vitter's algorithm
/// R), seeded: the i-th row replaces a random slot with probability capacity / i. Rows are kept in the smaller of their
/// dense and sparse forms, in buffers reused when a row is replaced.
/// </summary>
internal sealed class RowReservoir
{
    private readonly Slot[] _slots;
    private readonly Xoshiro256StarStar _random;
    private readonly int _width;
    private long _seen;

    /// <param name="capacity">Rows to keep, ≥ 1.</param>
    /// <param name="width">The features' vector size.</param>
    /// <param name="seed">Seeds which rows are kept.</param>
    public RowReservoir(int capacity, int width, int seed)
    {
        _slots = new Slot[capacity];
        _random = new Xoshiro256StarStar(seed, threadSafe: false);
        _width = width;
    }

    /// <summary>Rows kept so far: min(capacity, rows offered).</summary>
    public int Count => (int)Math.Min(_seen, _slots.Length);

    /// <summary>Offers the cursor's current kept row.</summary>
    public void Offer(KeptRowCursor cursor)
    {
        long seen = ++_seen;
        long slot = seen <= _slots.Length ? seen - 1 : (long)(_random.NextDouble() * seen);
        if (slot < _slots.Length)
        {
            (_slots[slot] ??= new Slot()).Set(cursor);
        }
    }

    /// <summary>The kept rows as a logistic neuron's dataset, in slot order; null when none weighs anything.</summary>
    public LogisticDataset? ToDataset(TrainingColumns columns)
    {
        var features = new FeatureCollector(columns.Features.Name, _width, Count);
        var labels = new float[Count];
        float[]? weights = columns.Weight is null ? null : new float[Count];
        double total = 0;
        for (int i = 0; i < Count; i++)
        {
            Slot s = _slots[i];
            features.Add(s.Dense
                ? new VBuffer<float>(_width, s.Values)
                : new VBuffer<float>(_width, s.Count, s.Values, s.Indices));
            labels[i] = s.Target;
            weights?[i] = s.Weight;
            total += s.Weight;
        }

        return Count > 0 && total > 0 ? new LogisticDataset(features.Build(), labels, weights) : null;
    }

    private sealed class Slot
    {
        public float[] Values = [];
        public int[] Indices = [];
        public int Count;
        public bool Dense;
        public float Target;
        public float Weight;

        public void Set(KeptRowCursor cursor)
        {
            ref readonly VBuffer<float> row = ref cursor.Features;
            ReadOnlySpan<float> values = row.GetValues();
            int nonZeros = 0;
            foreach (float v in values)
            {
                nonZeros += v != 0 ? 1 : 0;
            }

            Target = DataViewReader.BinaryTarget(cursor);
            Weight = cursor.Weight;
            Dense = row.IsDense && 2L * nonZeros >= values.Length;
            Count = Dense ? values.Length : nonZeros;
            if (Values.Length < Count)
            {
                Values = new float[Count];
            }

            if (!Dense && Indices.Length < Count)
            {
                Indices = new int[Count];
            }

            if (Dense)
            {
                values.CopyTo(Values);
                return;
            }

            ReadOnlySpan<int> indices = row.IsDense ? default : row.GetIndices();
            int n = 0;
            for (int k = 0; k < values.Length; k++)
            {
                if (values[k] != 0)
                {
                    Values[n] = values[k];
                    Indices[n] = row.IsDense ? k : indices[k];
                    n++;
                }
            }
        }
    }
}
