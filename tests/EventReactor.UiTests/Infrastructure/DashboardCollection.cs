namespace EventReactor.UiTests.Infrastructure;

/// <summary>The browser tests share one reactor and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
