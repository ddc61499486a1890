using System.Globalization;

namespace AdaHessian.Suite.Report;

/// <summary>How the report writes numbers (invariant culture).</summary>
internal static class Cells
{
    /// <summary>A gap: 2 significant digits in exponent form ("3.2e-05"), "0" for zero, "–" for NaN.</summary>
    public static string Gap(double x) =>
        double.IsNaN(x) ? "–" : x == 0 ? "0" : x.ToString("0.0e+00", CultureInfo.InvariantCulture);

    /// <summary>A log-loss or AUC: 4 significant digits, "–" for NaN.</summary>
    public static string Number(double x) =>
        double.IsNaN(x) ? "–" : x.ToString(Math.Abs(x) < 1e-3 && x != 0 ? "0.###e+00" : "G4", CultureInfo.InvariantCulture);

    /// <summary>Seconds as "12 ms", "1.23 s" or "85.2 s".</summary>
    public static string Seconds(double s) => double.IsNaN(s)
        ? "–"
        : s < 1 ? (s * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms"
        : s.ToString(s < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>A ratio as "1.8×", "–" for NaN.</summary>
    public static string Ratio(double x) => double.IsNaN(x) ? "–" : x.ToString(x < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + "×";

    /// <summary>A ratio of two losses, three decimals, as "0.987×"; "–" for NaN.</summary>
    public static string LossRatio(double x) => double.IsNaN(x) ? "–" : x.ToString("0.000", CultureInfo.InvariantCulture) + "×";

    /// <summary>An L2 strength, three significant digits: "4.64e-05", "0.0215", "10"; "–" for NaN.</summary>
    public static string L2(double x) =>
        double.IsNaN(x) ? "–" : x.ToString(x < 1e-3 ? "0.##e-00" : "G3", CultureInfo.InvariantCulture);

    /// <summary>A relative change as a signed percentage, "+12.3 %", "−0.4 %".</summary>
    public static string Percent(double x) =>
        double.IsNaN(x) ? "–" : (x >= 0 ? "+" : "−") + Math.Abs(100 * x).ToString(Math.Abs(x) < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A count out of a total, "7/12".</summary>
    public static string Count(int count, int total) => $"{count}/{total}";
}
