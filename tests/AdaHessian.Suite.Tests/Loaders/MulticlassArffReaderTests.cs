using AdaHessian.Suite.Loaders;

namespace AdaHessian.Suite.Tests.Loaders;

public class MulticlassArffReaderTests
{
    // Three classes declared, 'c' held by no row; one nominal attribute with a missing value; one row with a missing
    // number and one with a missing class (both dropped); tabs and upper case as in Weka's soybean.arff.
    private const string Text = """
        % three classes, one absent
        @RELATION tiny
        @ATTRIBUTE size		NUMERIC
        @ATTRIBUTE colour	{red, 'dark blue', green}
        @ATTRIBUTE class	{a, b, c}

        @DATA
        1.5, red, b
        -2, 'dark blue', a
        3, ?, b
        ?, green, a
        4, green, ?
        0.25, green, a
        """;

    [Fact]
    public void Numbers_are_one_feature_nominal_values_one_hot_and_a_missing_value_all_zeros()
    {
        var rows = MulticlassArffReader.Read(new StringReader(Text));

        Assert.Equal(4, rows.Count);
        Assert.Equal(4, rows.FeatureCount);
        Assert.Equal([1.5f, 1, 0, 0], rows.Features[0]);
        Assert.Equal([-2f, 0, 1, 0], rows.Features[1]);
        Assert.Equal([3f, 0, 0, 0], rows.Features[2]);
        Assert.Equal([0.25f, 0, 0, 1], rows.Features[3]);
    }

    [Fact]
    public void The_class_is_its_declared_index_and_a_declared_class_without_rows_stays_defined()
    {
        var rows = MulticlassArffReader.Read(new StringReader(Text));

        Assert.Equal(["a", "b", "c"], rows.Classes);
        Assert.Equal([1, 0, 1, 0], rows.Labels);
        Assert.Equal([2, 2, 0], rows.ClassCounts());
    }

    [Fact]
    public void An_undeclared_value_or_a_short_row_is_an_error()
    {
        string header = "@attribute x numeric\n@attribute y {p, q}\n@attribute class {a, b}\n@data\n";

        Assert.Throws<InvalidDataException>(() => MulticlassArffReader.Read(new StringReader(header + "1, r, a\n")));
        Assert.Throws<InvalidDataException>(() => MulticlassArffReader.Read(new StringReader(header + "1, p, z\n")));
        Assert.Throws<InvalidDataException>(() => MulticlassArffReader.Read(new StringReader(header + "1, p\n")));
        Assert.Throws<InvalidDataException>(() => MulticlassArffReader.Read(new StringReader(header + "one, p, a\n")));
    }

    [Fact]
    public void A_numeric_class_or_no_data_section_is_an_error()
    {
        Assert.Throws<InvalidDataException>(() => MulticlassArffReader.Read(new StringReader("@attribute x numeric\n@attribute y numeric\n@data\n1,2\n")));
        Assert.Throws<InvalidDataException>(() => MulticlassArffReader.Read(new StringReader("@attribute x numeric\n@attribute class {a, b}\n")));
    }
}
