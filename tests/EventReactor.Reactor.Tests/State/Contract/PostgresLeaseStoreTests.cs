using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresLeaseStoreTests : LeaseStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresLeaseStoreTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Leases = new PostgresLeaseStore(_database, Time);
        Outbox = new PostgresReactorOutbox(_database, new ReactorLiveness(Leases, "reactor", TimeSpan.FromSeconds(15), Time), Time);
    }

    private protected override ILeaseStore Leases { get; }

    private protected override IReactorOutbox Outbox { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
