using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Journal;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteEventJournalStoreTests : EventJournalStoreContract
{
    private readonly TempReactorDatabase _state = new();

    public SqliteEventJournalStoreTests()
    {
        Store = new SqliteEventJournalStore(_state.Database);
        Audit = new SqliteAuditStore(_state.Database);
    }

    private protected override IEventJournalStore Store { get; }

    private protected override IAuditStore Audit { get; }

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
