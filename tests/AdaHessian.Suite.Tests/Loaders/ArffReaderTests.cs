using AdaHessian.Suite.Loaders;

namespace AdaHessian.Suite.Tests.Loaders;

public class ArffReaderTests
{
    private const string Mixed = """
        % a comment
        @relation tiny
        @attribute size numeric
        @attribute colour { red, 'dark blue', green}
        @attribute class { no, yes}

        @data
        1.5,red,yes
        -2,'dark blue',no
        3,?,yes
        ?,green,no
        """;

    [Fact]
    public void Numeric_attributes_are_one_feature_and_nominal_ones_are_one_hot()
    {
        var rows = ArffReader.Read(new StringReader(Mixed), "yes");

        Assert.Equal(3, rows.Count);
        Assert.Equal([1.5f, 1, 0, 0], rows[0].Features);
        Assert.Equal([-2f, 0, 1, 0], rows[1].Features);
        Assert.Equal([true, false, true], rows.Select(r => r.Label));
    }

    [Fact]
    public void A_missing_nominal_value_sets_no_feature_and_a_missing_number_drops_the_row()
    {
        var rows = ArffReader.Read(new StringReader(Mixed), "yes");

        Assert.Equal([3f, 0, 0, 0], rows[2].Features);
        Assert.DoesNotContain(rows, r => r.Features[3] == 1);
    }

    [Fact]
    public void An_undeclared_positive_class_is_an_error() =>
        Assert.Throws<InvalidDataException>(() => ArffReader.Read(new StringReader(Mixed), "maybe"));

    [Fact]
    public void Fields_split_on_commas_outside_quotes() =>
        Assert.Equal(["a", "b, c", "d"], ArffFields.Split(" a ,'b, c', \"d\""));
}
