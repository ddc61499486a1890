using System.Reflection;
using AdaHessian.MLNet.Interop;
using Microsoft.ML;
using Microsoft.ML.Calibrators;

namespace AdaHessian.MLNet.Tests.Interop;

/// <summary>
/// The bridge on the Microsoft.ML version this test run was built with (CI runs it on each tested version), and the
/// error a future version that moves one of its members would give.
/// </summary>
public sealed class MlNetBridgeVersionTests
{
    private static string RequestedVersion =>
        typeof(MlNetBridgeVersionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "MicrosoftMLVersion").Value!;

    [Fact]
    public void The_loaded_MLNet_is_the_version_this_run_was_built_for_and_a_tested_one()
    {
        Assert.Equal(RequestedVersion, MlNetBridge.LoadedMlNetVersion);
        Assert.Contains(MlNetBridge.LoadedMlNetVersion, MlNetBridge.TestedMlNetVersions);
    }

    [Fact]
    public void Every_member_resolves_on_the_loaded_MLNet()
    {
        MlNetBridge.EnsureSupported();
    }

    [Fact]
    public void The_lowest_tested_version_is_the_first()
    {
        var versions = MlNetBridge.TestedMlNetVersions.Select(Version.Parse).ToList();

        Assert.Equal(versions.Order(), versions);
        Assert.Equal(new Version(5, 0, 1), versions[0]);
    }

    [Fact]
    public void A_moved_constructor_is_named_with_the_running_version_and_the_constructors_there_are()
    {
        var ex = Assert.Throws<NotSupportedException>(() => MlNetBridge.Ctor(typeof(PlattCalibrator), typeof(int)));

        Assert.Contains($"loaded Microsoft.ML {MlNetBridge.LoadedMlNetVersion}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PlattCalibrator(Int32) constructor", ex.Message, StringComparison.Ordinal);
        Assert.Contains("has instead: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PlattCalibrator(IHostEnvironment, Double, Double) constructor", ex.Message, StringComparison.Ordinal);
        Assert.Contains("5.0.1 and 6.0.0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_moved_method_lists_the_overloads_of_its_name()
    {
        var ex = Assert.Throws<NotSupportedException>(() => MlNetBridge.Method(typeof(SchemaShape), "Create", typeof(string)));

        Assert.Contains("SchemaShape.Create(String) method", ex.Message, StringComparison.Ordinal);
        Assert.Contains("has instead: SchemaShape.Create(DataViewSchema) method", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_moved_property_or_type_is_named_without_a_list_when_nothing_is_close()
    {
        var property = Assert.Throws<NotSupportedException>(() => MlNetBridge.Property(typeof(PlattCalibrator), "NoSuchThing"));
        var type = Assert.Throws<NotSupportedException>(() => MlNetBridge.TypeIn(typeof(PlattCalibrator).Assembly, "Microsoft.ML.NoSuchType"));

        Assert.Contains("PlattCalibrator.NoSuchThing property", property.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("has instead", property.Message, StringComparison.Ordinal);
        Assert.Contains("type Microsoft.ML.NoSuchType (in Microsoft.ML.", type.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("has instead", type.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_returns_a_member_that_exists_without_listing_anything()
    {
        var listed = false;
        var ctor = MlNetBridge.Require(typeof(PlattCalibrator).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic).FirstOrDefault(), "PlattCalibrator constructor", () =>
        {
            listed = true;
            return null;
        });

        Assert.NotNull(ctor);
        Assert.False(listed);
    }
}
