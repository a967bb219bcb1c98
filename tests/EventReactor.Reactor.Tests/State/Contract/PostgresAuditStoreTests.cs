using EventReactor.Reactor.Audit;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresAuditStoreTests : AuditStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresAuditStoreTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Store = new PostgresAuditStore(_database);
    }

    private protected override IAuditStore Store { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
