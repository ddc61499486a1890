namespace AdaHessian.Study.Tests;

/// <summary>Shares one quick-profile run among every test class that reads its outputs.</summary>
[CollectionDefinition(Name)]
public sealed class QuickStudyCollection : ICollectionFixture<QuickStudyFixture>
{
    public const string Name = "Quick study";
}
