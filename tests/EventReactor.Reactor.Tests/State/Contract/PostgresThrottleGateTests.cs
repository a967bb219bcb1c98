using EventReactor.Core.Evaluation;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Throttles;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresThrottleGateTests : ThrottleGateContract, IClassFixture<PostgresTestDatabase>
{
    private readonly PostgresTestDatabase _state;
    private readonly ReactorPostgresDatabase _database;

    public PostgresThrottleGateTests(PostgresTestDatabase state)
    {
        _state = state;
        _database = state.OpenEmpty();
        Gate = new PostgresThrottleGate(_database, Time);
    }

    private protected override IThrottleGate Gate { get; }

    [Fact]
    public async Task TryPass_AnotherReactorPassedTheKey_RefusedHereUntilTheWindowPassed()
    {
        await using var otherDatabase = _state.Open();
        var otherReactor = new PostgresThrottleGate(otherDatabase, Time);
        Assert.True(otherReactor.TryPass("r", "k", Window));

        Assert.False(Gate.TryPass("r", "k", Window));
        Time.Advance(Window);
        Assert.True(Gate.TryPass("r", "k", Window));
    }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
