namespace AdaHessian.Suite.Datasets;

/// <summary>Where Debian packages install the public data files the suite reads.</summary>
internal static class DebianFiles
{
    /// <summary>Package <c>weka</c>: ARFF examples, including Reuters-21578 Corn and Grain.</summary>
    public const string Weka = "/usr/share/doc/weka/examples";

    /// <summary>Package <c>python3-sklearn</c>: scikit-learn's bundled datasets.</summary>
    public const string Sklearn = "/usr/lib/python3/dist-packages/sklearn/datasets/data";

    /// <summary>Package <c>python3-statsmodels</c>: statsmodels' bundled datasets.</summary>
    public const string Statsmodels = "/usr/lib/python3/dist-packages/statsmodels/datasets";

    /// <summary>Package <c>liblinear-tools</c>: the LIBSVM-format example.</summary>
    public const string Liblinear = "/usr/share/doc/liblinear-tools/examples";

    /// <summary>The packages the suite's real data comes from, for the install hint.</summary>
    public static readonly string[] Packages = ["weka", "liblinear-tools", "python3-sklearn", "python3-statsmodels", "dataset-fashion-mnist"];
}
