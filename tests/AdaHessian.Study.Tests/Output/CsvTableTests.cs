using System.Globalization;
using AdaHessian.Study.Output;

namespace AdaHessian.Study.Tests.Output;

public class CsvTableTests
{
    private static string Saved(CsvTable table)
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "table.csv");
        table.Save(path);
        return File.ReadAllText(path);
    }

    [Fact]
    public void Writes_a_header_and_rows_with_newline_endings()
    {
        var table = new CsvTable("name", "value").Add("a", 1).Add("b", 2);

        Assert.Equal(2, table.RowCount);
        Assert.Equal("name,value\na,1\nb,2\n", Saved(table));
    }

    [Fact]
    public void Quotes_strings_with_commas_or_quotes_and_doubles_inner_quotes()
    {
        var table = new CsvTable("text").Add("plain").Add("a,b").Add("say \"hi\"").Add("\"").Add("x, \"y\"");

        Assert.Equal("text\nplain\n\"a,b\"\n\"say \"\"hi\"\"\"\n\"\"\"\"\n\"x, \"\"y\"\"\"\n", Saved(table));
    }

    [Fact]
    public void Rounds_doubles_and_floats_to_six_significant_digits()
    {
        var table = new CsvTable("d", "f", "i", "inf").Add(1.23456789, 0.1f, 42, double.PositiveInfinity);

        Assert.Equal("d,f,i,inf\n1.23457,0.1,42,Infinity\n", Saved(table));
    }

    [Fact]
    public void Formats_numbers_in_the_invariant_culture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        try
        {
            CultureInfo.CurrentCulture = comma;
            var table = new CsvTable("d", "m", "f").Add(2.5, 1.25m, 0.75f);

            Assert.Equal("d,m,f\n2.5,1.25,0.75\n", Saved(table));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Rejects_a_row_of_the_wrong_width()
    {
        var table = new CsvTable("a", "b");

        Assert.Throws<ArgumentException>(() => table.Add(1));
        Assert.Throws<ArgumentException>(() => table.Add(1, 2, 3));
        Assert.Equal(0, table.RowCount);
    }

    [Fact]
    public void Saves_UTF8_without_a_byte_order_mark()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "t.csv");

        new CsvTable("x").Add("é").Save(path);

        Assert.Equal(new byte[] { (byte)'x', (byte)'\n', 0xC3, 0xA9, (byte)'\n' }, File.ReadAllBytes(path));
    }
}
