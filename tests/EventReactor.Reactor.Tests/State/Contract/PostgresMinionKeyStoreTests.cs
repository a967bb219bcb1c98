using EventReactor.Reactor.Keys;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresMinionKeyStoreTests : MinionKeyStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresMinionKeyStoreTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Store = new PostgresMinionKeyStore(_database);
    }

    private protected override IMinionKeyStore Store { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
