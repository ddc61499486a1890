using ScottPlot;
using ScottPlot.TickGenerators;

namespace AdaHessian.Study.Figures;

/// <summary>Log scale the ScottPlot way: plot log₁₀ of the data and label the decades as 10^k.</summary>
internal static class LogAxis
{
    /// <summary>Decade ticks labelled 10⁻³, 10⁻², 10⁻¹, 1, 10, 10², … with log-spaced minor ticks.</summary>
    public static void Apply(IAxis axis) => axis.TickGenerator = new NumericAutomatic
    {
        IntegerTicksOnly = true,
        MinorTickGenerator = new LogMinorTickGenerator(),
        LabelFormatter = Label,
    };

    /// <summary>log₁₀ of each value.</summary>
    public static double[] Log10(IEnumerable<double> values) => values.Select(Math.Log10).ToArray();

    /// <summary>log₁₀ of each value clamped into [floor, ceiling] (so 0 and +∞ land on the plot's edges).</summary>
    public static double[] Log10(IEnumerable<double> values, double floor, double ceiling) =>
        values.Select(v => Log10(v, floor, ceiling)).ToArray();

    /// <summary>log₁₀ of one value clamped into [floor, ceiling].</summary>
    public static double Log10(double value, double floor, double ceiling) => Math.Log10(Math.Clamp(value, floor, ceiling));

    private static string Label(double exponent) => exponent switch
    {
        0 => "1",
        1 => "10",
        _ => "10" + string.Concat(((int)exponent).ToString(System.Globalization.CultureInfo.InvariantCulture)
            .Select(c => c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0'])),
    };
}
