using AdaHessian.Suite.Loaders;

namespace AdaHessian.Suite.Tests.Loaders;

public class CsvReaderTests
{
    [Fact]
    public void The_label_column_is_left_out_of_the_features()
    {
        var rows = CsvReader.Read(new StringReader("\"a\",\"y\",\"b\"\n1,0,2\n3,5.5,4\n"), 1, 1, y => y > 0);

        Assert.Equal([1f, 2], rows[0].Features);
        Assert.Equal([3f, 4], rows[1].Features);
        Assert.Equal([false, true], rows.Select(r => r.Label));
    }

    [Fact]
    public void A_negative_label_column_counts_from_the_end()
    {
        var rows = CsvReader.Read(new StringReader("2,30,pos,neg\n1,2,0\n3,4,1\n"), 1, -1, y => y == 0);

        Assert.Equal([1f, 2], rows[0].Features);
        Assert.Equal([true, false], rows.Select(r => r.Label));
    }

    [Fact]
    public void A_short_row_is_an_error() =>
        Assert.Throws<InvalidDataException>(() => CsvReader.Read(new StringReader("1,2,0\n3,1\n"), 0, -1, y => y > 0));
}
