using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresEventJournalStoreTests : EventJournalStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresEventJournalStoreTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Store = new PostgresEventJournalStore(_database);
        Audit = new PostgresAuditStore(_database);
    }

    private protected override IEventJournalStore Store { get; }

    private protected override IAuditStore Audit { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
