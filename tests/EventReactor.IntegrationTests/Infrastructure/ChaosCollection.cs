namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Chaos tests share the private broker and engine, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ChaosCollection : ICollectionFixture<ChaosServices>
{
    public const string Name = "chaos services";
}
