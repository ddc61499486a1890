using AdaHessian.Curvature;

namespace AdaHessian.Tests.Curvature;

public class CurvatureOptionsTests
{
    [Fact]
    public void Refresh_steps_are_one_then_every_interval()
    {
        var options = new CurvatureOptions(UpdateInterval: 3);
        long[] refresh = Enumerable.Range(1, 12).Select(s => (long)s).Where(options.IsRefreshStep).ToArray();

        Assert.Equal([1L, 4L, 7L, 10L], refresh);
        Assert.All(Enumerable.Range(1, 5), s => Assert.True(new CurvatureOptions().IsRefreshStep(s)));
    }

    [Fact]
    public void Defaults_are_Hutchinson_one_sample_no_averaging_every_step()
    {
        var options = new CurvatureOptions();
        Assert.Equal(CurvatureKind.Hutchinson, options.Kind);
        Assert.Equal(1, options.Samples);
        Assert.Equal(1, options.BlockSize);
        Assert.Equal(1, options.UpdateInterval);
    }

    public static TheoryData<CurvatureOptions, string> Invalid => new()
    {
        { new CurvatureOptions(Samples: 0), "Samples" },
        { new CurvatureOptions(Samples: -3), "Samples" },
        { new CurvatureOptions(BlockSize: 0), "BlockSize" },
        { new CurvatureOptions(UpdateInterval: 0), "UpdateInterval" },
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
