using EventReactor.Reactor.Minions;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresMinionStoreTests : MinionStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly PostgresTestDatabase _state;
    private readonly List<ReactorPostgresDatabase> _opened = [];

    public PostgresMinionStoreTests(PostgresTestDatabase state)
    {
        _state = state;
        _opened.Add(state.OpenEmpty());
        Store = new PostgresMinionStore(_opened[0]);
    }

    private protected override IMinionStore Store { get; }

    private protected override IMinionStore Reopen()
    {
        _opened.Add(_state.Open());
        return new PostgresMinionStore(_opened[^1]);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }
    }
}
