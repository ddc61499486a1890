namespace AdaHessian.Study;

/// <summary>Finds the Fashion-MNIST IDX files: an explicit folder, then $FASHION_MNIST_DIR, then the Debian package.</summary>
internal static class FashionMnistLocation
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs the files.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The four files of the dataset.</summary>
    public static readonly string[] Files =
    [
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
    ];

    /// <summary>How to get the data, for error messages.</summary>
    public const string HowToInstall =
        "Install it with `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu), or download the four IDX files " +
        "from https://github.com/zalandoresearch/fashion-mnist (data/fashion) into a folder and pass --fashion-mnist " +
        "<folder> or set FASHION_MNIST_DIR.";

    /// <summary>The folder holding all four files, or null when none does.</summary>
    /// <exception cref="DirectoryNotFoundException">An explicitly named folder lacks a file.</exception>
    public static string? Resolve(string? explicitFolder)
    {
        string? named = explicitFolder ?? Environment.GetEnvironmentVariable("FASHION_MNIST_DIR");
        if (!string.IsNullOrEmpty(named))
        {
            return HasAll(named)
                ? named
                : throw new DirectoryNotFoundException($"Fashion-MNIST folder '{named}' lacks one of {string.Join(", ", Files)}. {HowToInstall}");
        }

        return HasAll(DebianDirectory) ? DebianDirectory : null;
    }

    private static bool HasAll(string folder) => Files.All(f => File.Exists(Path.Combine(folder, f)));
}
