namespace AdaHessian.Datasets;

/// <summary>
/// Finds the Fashion-MNIST IDX files: a folder named explicitly, else the one in <see cref="DirectoryVariable"/>, else
/// where the Debian package <see cref="Package"/> installs them.
/// </summary>
public static class FashionMnistLocation
{
    /// <summary>The Debian package that installs the dataset.</summary>
    public const string Package = "dataset-fashion-mnist";

    /// <summary>Where <see cref="Package"/> installs the files.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The environment variable that names a folder with the files.</summary>
    public const string DirectoryVariable = "FASHION_MNIST_DIR";

    /// <summary>How to get the data, for error messages.</summary>
    public const string HowToInstall =
        "Install it with `sudo apt-get install " + Package + "` (Debian/Ubuntu), or download the four IDX files " +
        "from https://github.com/zalandoresearch/fashion-mnist (data/fashion) into a folder and pass --fashion-mnist " +
        "<folder> or set " + DirectoryVariable + ".";

    /// <summary>The folder the caller named: <paramref name="explicitFolder"/>, else $FASHION_MNIST_DIR, else null.</summary>
    public static string? Named(string? explicitFolder) =>
        NonEmpty(explicitFolder) ?? NonEmpty(Environment.GetEnvironmentVariable(DirectoryVariable));

    /// <summary>The folder to look in: the explicit one, else the variable's value, else <see cref="DebianDirectory"/>.</summary>
    public static string Candidate(string? explicitFolder, string? variable) =>
        NonEmpty(explicitFolder) ?? NonEmpty(variable) ?? DebianDirectory;

    /// <summary>The folder holding all four files, or null when none was named and the Debian folder lacks them.</summary>
    /// <exception cref="DirectoryNotFoundException">A named folder lacks a file.</exception>
    public static string? Resolve(string? explicitFolder)
    {
        if (Named(explicitFolder) is { } named)
        {
            return HasAll(named)
                ? named
                : throw new DirectoryNotFoundException(
                    $"Fashion-MNIST folder '{named}' lacks one of {string.Join(", ", FashionMnist.Files)}. {HowToInstall}");
        }

        return HasAll(DebianDirectory) ? DebianDirectory : null;
    }

    /// <summary>True when <paramref name="folder"/> holds all four files.</summary>
    public static bool HasAll(string folder) => FashionMnist.Files.All(f => File.Exists(Path.Combine(folder, f)));

    private static string? NonEmpty(string? folder) => string.IsNullOrEmpty(folder) ? null : folder;
}
