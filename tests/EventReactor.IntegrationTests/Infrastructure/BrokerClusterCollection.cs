namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Tests on the 3-node broker cluster of deploy/dev/cluster.sh, one at a time and apart from the other collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerClusterCollection : ICollectionFixture<BrokerClusterFixture>
{
    public const string Name = "broker cluster";
}
