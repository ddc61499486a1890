using System.Text.RegularExpressions;
using AdaHessian.Data;

namespace AdaHessian.Suite.Loaders;

/// <summary>
/// A binary bag of words: words are runs of two or more letters a–z after lower-casing; the vocabulary is every word
/// in at least <see cref="MinimumDocumentFrequency"/> training documents, in ordinal order; a feature is 1 when the
/// document contains the word.
/// </summary>
internal sealed partial class BagOfWords
{
    /// <summary>A word must occur in this many training documents to become a feature.</summary>
    public const int MinimumDocumentFrequency = 2;

    private readonly Dictionary<string, int> _columns;

    private BagOfWords(Dictionary<string, int> columns) => _columns = columns;

    /// <summary>Number of features.</summary>
    public int Width => _columns.Count;

    /// <summary>Builds the vocabulary from the training documents.</summary>
    public static BagOfWords Fit(IEnumerable<TextDocument> train)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in train)
        {
            foreach (string word in Words(document.Text))
            {
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
            }
        }

        var columns = frequency.Where(kv => kv.Value >= MinimumDocumentFrequency).Select(kv => kv.Key)
            .Order(StringComparer.Ordinal).Select((word, column) => (word, column))
            .ToDictionary(t => t.word, t => t.column, StringComparer.Ordinal);
        return new BagOfWords(columns);
    }

    /// <summary>The documents as sparse 0/1 rows over the vocabulary.</summary>
    public LogisticDataset Transform(IReadOnlyList<TextDocument> documents)
    {
        var starts = new int[documents.Count + 1];
        var indices = new List<int>();
        for (int i = 0; i < documents.Count; i++)
        {
            indices.AddRange(Words(documents[i].Text).Where(_columns.ContainsKey).Select(w => _columns[w]).Order());
            starts[i + 1] = indices.Count;
        }

        var values = Enumerable.Repeat(1f, indices.Count).ToArray();
        return new LogisticDataset(FeatureMatrix.Sparse(documents.Count, Width, starts, [.. indices], values),
            [.. documents.Select(d => d.Label ? 1f : 0f)]);
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex("[a-z]{2,}")]
    private static partial Regex WordPattern();
}
