using AdaHessian.Suite.Loaders;

namespace AdaHessian.Suite.Tests.Loaders;

public class BagOfWordsTests
{
    private const string Arff = """
        @relation 'Reuters-21578 Corn'
        @attribute Text string
        @attribute class-att {0,1}
        @data
        'CORN prices rose,\nwheat fell',1
        'Wheat and corn, again',0
        'Oil rose; a b',0
        """;

    [Fact]
    public void The_reader_splits_text_and_class_at_the_last_comma()
    {
        var documents = ReutersReader.Read(new StringReader(Arff));

        Assert.Equal(3, documents.Count);
        Assert.Equal("'CORN prices rose, wheat fell'", documents[0].Text);
        Assert.Equal([true, false, false], documents.Select(d => d.Label));
    }

    [Fact]
    public void The_vocabulary_keeps_words_in_two_documents_in_ordinal_order_as_binary_features()
    {
        var documents = ReutersReader.Read(new StringReader(Arff));
        var words = BagOfWords.Fit(documents);

        var data = words.Transform(documents);

        // corn (docs 1, 2), rose (1, 3), wheat (1, 2): columns 0, 1, 2; one-letter words never count.
        Assert.Equal(3, words.Width);
        Assert.True(data.Features.IsSparse);
        Assert.Equal([0, 1, 2], data.Features.Row(0).Indices.ToArray());
        Assert.Equal([0, 2], data.Features.Row(1).Indices.ToArray());
        Assert.Equal([1], data.Features.Row(2).Indices.ToArray());
        Assert.All(data.Features.Row(0).Values.ToArray(), v => Assert.Equal(1f, v));
        Assert.Equal([1f, 0, 0], data.Labels);
    }
}
