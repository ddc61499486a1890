namespace AdaHessian.Study.Output;

/// <summary>Writes files under a temporary name and moves them into place, so readers never see half a file.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM, \n line endings as given) to <paramref name="path"/>.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, temp => File.WriteAllText(temp, text, new System.Text.UTF8Encoding(false)));

    /// <summary>Lets <paramref name="write"/> fill a temporary file, then replaces <paramref name="path"/> with it.</summary>
    public static void Write(string path, Action<string> write)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Keep the extension: some writers (ScottPlot) choose the format from it.
        string temp = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(path)}");
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
