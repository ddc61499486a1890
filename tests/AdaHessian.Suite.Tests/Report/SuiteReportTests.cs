using AdaHessian.Suite.Report;

namespace AdaHessian.Suite.Tests.Report;

public class SuiteReportTests
{
    private static readonly string Text = SuiteReport.Render(SuiteFixture.Result(), "dotnet cake --target=Suite");

    [Fact]
    public void The_summary_row_of_each_trainer_is_computed() =>
        Assert.Contains("| AdaHessian | 1/2 | 1/2 | 1/2 | 1/2 | 2.00× | 1 | +1.0 % (easy) |", Text);

    [Fact]
    public void A_failed_fit_shows_its_exception_on_one_line() =>
        Assert.Contains("| hard | 10 × 1,000 sparse (2/row) | AdaHessian | – | – | – | 10 ms | – | ArithmeticException: diverged at step 3 |", Text);

    [Fact]
    public void A_skipped_dataset_says_why()
    {
        Assert.Contains("- **gone**: weka. **Skipped: missing /x (install the Debian package weka).**", Text);
        Assert.Contains("Skipped: gone (missing /x (install the Debian package weka)).", Text);
    }

    [Fact]
    public void The_csv_has_one_row_per_dataset_and_trainer_plus_one_per_skipped_dataset() =>
        Assert.Equal(3 + 3 + 1, SuiteCsv.Build(SuiteFixture.Result()).RowCount);
}
