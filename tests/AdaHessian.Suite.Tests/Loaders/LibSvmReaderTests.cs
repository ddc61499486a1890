using AdaHessian.Suite.Loaders;

namespace AdaHessian.Suite.Tests.Loaders;

public class LibSvmReaderTests
{
    [Fact]
    public void Rows_are_dense_as_wide_as_the_largest_index_and_positive_above_zero()
    {
        var rows = LibSvmReader.Read(new StringReader("+1 1:0.5 3:-1 \n-1 2:2\n\n0 4:1e-1\n"));

        Assert.Equal(3, rows.Count);
        Assert.Equal([0.5f, 0, -1, 0], rows[0].Features);
        Assert.Equal([0f, 2, 0, 0], rows[1].Features);
        Assert.Equal([0f, 0, 0, 0.1f], rows[2].Features);
        Assert.Equal([true, false, false], rows.Select(r => r.Label));
    }

    [Fact]
    public void A_zero_based_index_is_an_error() =>
        Assert.Throws<InvalidDataException>(() => LibSvmReader.Read(new StringReader("1 0:1\n")));
}
