namespace AdaHessian.Study.Tests;

/// <summary>Tests on Fashion-MNIST skip on a machine without it, but fail on CI (CI=true), where it is installed.</summary>
internal static class FashionMnistRequirement
{
    public static void Check(string? directory)
    {
        if (directory is not null)
        {
            return;
        }

        const string reason = "Fashion-MNIST is not installed (Debian package dataset-fashion-mnist, or set FASHION_MNIST_DIR).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " CI must install it.");
        }

        Skip.If(true, reason);
    }
}
