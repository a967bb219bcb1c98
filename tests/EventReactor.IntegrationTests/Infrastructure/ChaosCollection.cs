namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// Chaos tests share the private broker and engine, one test at a time, and run apart from the other collections:
/// hundreds of containers on two cores would starve their timings.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection : ICollectionFixture<ChaosServices>
{
    public const string Name = "chaos services";
}
