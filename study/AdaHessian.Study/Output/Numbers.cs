using System.Globalization;

namespace AdaHessian.Study.Output;

/// <summary>How numbers are written to results: 6 significant digits, invariant culture.</summary>
internal static class Numbers
{
    /// <summary>x rounded to 6 significant digits (so saved numbers do not carry platform noise in the last bits).</summary>
    public static double Round(double x) =>
        double.IsFinite(x) && x != 0 ? double.Parse(x.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : x;

    /// <summary>x as text with 6 significant digits.</summary>
    public static string Format(double x) => Round(x).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>x as text with the given number of significant digits, for reports.</summary>
    public static string Format(double x, int digits) => x.ToString("G" + digits, CultureInfo.InvariantCulture);
}
