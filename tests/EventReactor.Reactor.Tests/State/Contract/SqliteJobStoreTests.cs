using EventReactor.Reactor.Jobs;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteJobStoreTests : JobStoreContract
{
    private readonly TempReactorDatabase _state = new();

    public SqliteJobStoreTests()
    {
        Store = new SqliteJobStore(_state.Database);
    }

    private protected override IJobStore Store { get; }

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
