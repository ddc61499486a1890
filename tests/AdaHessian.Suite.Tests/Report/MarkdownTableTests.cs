using AdaHessian.Suite.Report;

namespace AdaHessian.Suite.Tests.Report;

public class MarkdownTableTests
{
    [Fact]
    public void The_table_has_a_header_a_rule_and_one_line_per_row()
    {
        var table = new MarkdownTable("a", "b").Add("1", "2").Add("3", "4");

        Assert.Equal("| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n", table.ToString());
        Assert.Equal(2, table.RowCount);
    }

    [Fact]
    public void Pipes_and_line_breaks_in_cells_are_escaped() =>
        Assert.Equal("| x |\n| --- |\n| a\\|b c |\n", new MarkdownTable("x").Add("a|b\nc").ToString());

    [Fact]
    public void A_row_of_the_wrong_width_is_an_error() =>
        Assert.Throws<ArgumentException>(() => new MarkdownTable("a", "b").Add("1"));

    [Theory]
    [InlineData(3.21e-5, "3.2e-05")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "–")]
    public void Gaps_have_two_significant_digits(double gap, string text) => Assert.Equal(text, Cells.Gap(gap));

    [Theory]
    [InlineData(0.01, "+1.0 %")]
    [InlineData(-0.004, "−0.4 %")]
    [InlineData(1.5, "+150 %")]
    public void Percentages_are_signed(double x, string text) => Assert.Equal(text, Cells.Percent(x));

    [Theory]
    [InlineData(0.0123, "12.3 ms")]
    [InlineData(1.234, "1.23 s")]
    [InlineData(85.24, "85.2 s")]
    public void Seconds_switch_to_milliseconds_below_one(double seconds, string text) => Assert.Equal(text, Cells.Seconds(seconds));
}
