using EventReactor.Reactor.Journal;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresEventJournalStoreTests : EventJournalStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresEventJournalStoreTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Store = new PostgresEventJournalStore(_database);
    }

    private protected override IEventJournalStore Store { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
