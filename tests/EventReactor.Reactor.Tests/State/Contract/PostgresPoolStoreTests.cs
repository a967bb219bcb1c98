using EventReactor.Reactor.Pools;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresPoolStoreTests : PoolStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresPoolStoreTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Store = new PostgresPoolStore(_database, TimeProvider.System);
    }

    private protected override IPoolStore Store { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
