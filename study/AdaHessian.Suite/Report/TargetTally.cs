namespace AdaHessian.Suite.Report;

/// <summary>How many datasets met one target, and the ratio by which each of the others missed it.</summary>
internal sealed class TargetTally
{
    private readonly List<string> _misses = [];

    /// <summary>Datasets that met the target.</summary>
    public int Met { get; private set; }

    /// <summary>Datasets the target was checked on.</summary>
    public int Total { get; private set; }

    /// <summary>"name ratio" for each dataset that missed, in the order added.</summary>
    public IReadOnlyList<string> Misses => _misses;

    /// <summary>Counts <paramref name="dataset"/>; <paramref name="ratio"/> is shown when it missed.</summary>
    public void Add(string dataset, bool met, string ratio)
    {
        Total++;
        if (met)
        {
            Met++;
        }
        else
        {
            _misses.Add($"{dataset} {ratio}");
        }
    }

    /// <summary>"N/M", then "(missed: name ratio, …)" when some missed.</summary>
    public string Fraction => $"{Met}/{Total}" + (_misses.Count == 0 ? "" : $" (missed: {string.Join(", ", _misses)})");

    /// <summary>"met on " and the <see cref="Fraction"/>.</summary>
    public override string ToString() => $"met on {Fraction}";
}
