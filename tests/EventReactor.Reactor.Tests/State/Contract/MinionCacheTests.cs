using EventReactor.Reactor.Minions;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>The cache over SQLite must behave as the store it caches.</summary>
public sealed class MinionCacheTests : MinionStoreContract
{
    private readonly TempReactorDatabase _state = new();

    public MinionCacheTests()
    {
        Store = new MinionCache(new SqliteMinionStore(_state.Database));
    }

    private protected override IMinionStore Store { get; }

    private protected override IMinionStore Reopen() => new MinionCache(new SqliteMinionStore(_state.Reopen()));

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
