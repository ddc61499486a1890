using AdaHessian.Curvature;

namespace AdaHessian.Tests.Curvature;

public class CurvatureOptionsTests
{
    [Fact]
    public void Refresh_steps_are_one_then_every_interval()
    {
        var options = new CurvatureOptions(HessianUpdateInterval: 3);
        long[] refresh = Enumerable.Range(1, 12).Select(s => (long)s).Where(options.IsRefreshStep).ToArray();

        Assert.Equal([1L, 4L, 7L, 10L], refresh);
        Assert.All(Enumerable.Range(1, 5), s => Assert.True(new CurvatureOptions().IsRefreshStep(s)));
    }

    [Fact]
    public void Defaults_are_Hutchinson_one_sample_no_averaging_every_step()
    {
        var options = new CurvatureOptions();
        Assert.Equal(CurvatureKind.Hutchinson, options.Kind);
        Assert.Equal(1, options.HutchinsonSamples);
        Assert.Equal(1, options.SpatialAverageBlockSize);
        Assert.Equal(1, options.HessianUpdateInterval);
    }

    public static TheoryData<CurvatureOptions, string> Invalid => new()
    {
        { new CurvatureOptions(HutchinsonSamples: 0), "HutchinsonSamples" },
        { new CurvatureOptions(HutchinsonSamples: -3), "HutchinsonSamples" },
        { new CurvatureOptions(SpatialAverageBlockSize: 0), "SpatialAverageBlockSize" },
        { new CurvatureOptions(HessianUpdateInterval: 0), "HessianUpdateInterval" },
        { new CurvatureOptions((CurvatureKind)42), "Kind" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_options_name_themselves(CurvatureOptions options, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(options.Validate).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new CurvatureEstimator(options, 3, 0)).ParamName);
    }
}
