namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Tests that share the real engine run one after another: every minion sees every container on the host.</summary>
[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "real services";
}
