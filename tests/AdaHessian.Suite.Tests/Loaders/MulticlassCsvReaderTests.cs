using System.IO.Compression;
using System.Text;
using AdaHessian.Suite.Loaders;

namespace AdaHessian.Suite.Tests.Loaders;

public class MulticlassCsvReaderTests
{
    // The header style of scikit-learn's iris.csv and wine_data.csv: rows, features, then the class names.
    private const string Sklearn = "4,2,setosa,versicolor,virginica\n5.1,3.5,0\n4.9,3.0,2\n\n6.3,2.5,1\n7,3.2,2\n";

    [Fact]
    public void The_sklearn_header_names_the_classes_and_the_last_field_indexes_them()
    {
        var rows = SklearnCsvReader.Read(new StringReader(Sklearn));

        Assert.Equal(["setosa", "versicolor", "virginica"], rows.Classes);
        Assert.Equal([0, 2, 1, 2], rows.Labels);
        Assert.Equal([5.1f, 3.5f], rows.Features[0]);
        Assert.Equal([7f, 3.2f], rows.Features[3]);
    }

    [Fact]
    public void Rows_that_do_not_match_the_header_counts_are_an_error()
    {
        Assert.Throws<InvalidDataException>(() => SklearnCsvReader.Read(new StringReader(Sklearn.Replace("4,2,", "5,2,"))));
        Assert.Throws<InvalidDataException>(() => SklearnCsvReader.Read(new StringReader(Sklearn.Replace("4,2,", "4,3,"))));
        Assert.Throws<InvalidDataException>(() => SklearnCsvReader.Read(new StringReader("setosa,versicolor\n1,0\n")));
    }

    [Fact]
    public void A_class_index_outside_the_classes_or_a_non_integer_class_is_an_error()
    {
        Assert.Throws<InvalidDataException>(() => MulticlassCsvReader.Read(new StringReader("1,2,3\n"), ["a", "b", "c"]));
        Assert.Throws<InvalidDataException>(() => MulticlassCsvReader.Read(new StringReader("1,2,-1\n"), ["a", "b"]));
        Assert.Throws<InvalidDataException>(() => MulticlassCsvReader.Read(new StringReader("1,2,0.5\n"), ["a", "b"]));
        Assert.Throws<InvalidDataException>(() => MulticlassCsvReader.Read(new StringReader("1,2,0\n1,1\n"), ["a", "b"]));
    }

    [Fact]
    public void Gzip_text_is_decompressed_and_plain_text_read_as_it_is()
    {
        // No header, 3 features then the digit, as scikit-learn's digits.csv.gz.
        const string csv = "0,16,3,7\n12,0,0,1\n";
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(csv));
        }

        compressed.Position = 0;
        Assert.Equal(0x1f, compressed.ToArray()[0]);
        string[] digits = [.. Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        using TextReader unzipped = CompressedText.Open(compressed);
        var rows = MulticlassCsvReader.Read(unzipped, digits);
        using TextReader plain = CompressedText.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal([7, 1], rows.Labels);
        Assert.Equal([0f, 16, 3], rows.Features[0]);
        Assert.Equal([12f, 0, 0], rows.Features[1]);
        Assert.Equal(csv, plain.ReadToEnd());
    }
}
