namespace AdaHessian.Suite.Loaders;

/// <summary>
/// Reads Weka's Reuters-21578 ARFF files (<c>ReutersCorn-train.arff</c> …): one quoted string attribute, the text
/// (with <c>\n</c> escapes), then the class 0/1 after the last comma.
/// </summary>
internal static class ReutersReader
{
    /// <summary>The documents of the file; label = (class == 1).</summary>
    public static List<TextDocument> Read(TextReader reader)
    {
        var documents = new List<TextDocument>();
        bool data = false;
        while (reader.ReadLine() is { } raw)
        {
            string line = raw.Trim();
            if (!data)
            {
                data = line.StartsWith("@data", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            int cut = line.LastIndexOf(',');
            if (cut > 0)
            {
                documents.Add(new TextDocument(line[..cut].Replace("\\n", " "), line[(cut + 1)..].Trim() == "1"));
            }
        }

        return documents;
    }
}
