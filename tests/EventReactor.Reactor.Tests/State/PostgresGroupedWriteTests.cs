using EventReactor.Reactor.State;
using Npgsql;

namespace EventReactor.Reactor.Tests.State;

public sealed class PostgresGroupedWriteTests(PostgresTestDatabase state) : IClassFixture<PostgresTestDatabase>, IAsyncLifetime
{
    private readonly ReactorPostgresDatabase _database = state.OpenEmpty();

    public async Task InitializeAsync()
    {
        await _database.ExecuteAsync("CREATE TABLE IF NOT EXISTS grouped (id INT PRIMARY KEY)", CancellationToken.None);
        await _database.ExecuteAsync("TRUNCATE grouped", CancellationToken.None);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task ExecuteGroupedAsync_ManyAtOnceOneViolatingAKey_OnlyThatOneFailsAndTheOthersCommit()
    {
        await _database.ExecuteAsync("INSERT INTO grouped (id) VALUES (7)", CancellationToken.None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => OutcomeAsync(_database.ExecuteGroupedAsync("INSERT INTO grouped (id) VALUES (@id)", CancellationToken.None, ("id", i)))));

        Assert.Equal("23505", Assert.IsType<PostgresException>(outcomes[7].Error).SqlState);
        Assert.All(outcomes.Where((_, i) => i != 7), o => Assert.Equal((1, (Exception?)null), o));
        Assert.Equal(40L, await _database.ScalarAsync("SELECT count(*) FROM grouped", CancellationToken.None));
    }

    [Fact]
    public async Task ExecuteGroupedAsync_ConditionalWrites_EachReturnsItsOwnChangedRows()
    {
        await _database.ExecuteAsync("INSERT INTO grouped (id) VALUES (1), (2)", CancellationToken.None);

        var rows = await Task.WhenAll(
            _database.ExecuteGroupedAsync("DELETE FROM grouped WHERE id = @id", CancellationToken.None, ("id", 1)),
            _database.ExecuteGroupedAsync("DELETE FROM grouped WHERE id = @id", CancellationToken.None, ("id", 3)),
            _database.ExecuteGroupedAsync("UPDATE grouped SET id = id + 10", CancellationToken.None));

        Assert.Equal(1, rows[0]);
        Assert.Equal(0, rows[1]);
        Assert.Equal(1, rows[2]); // statements run in the order they were queued: row 1 is gone by then
    }

    private static async Task<(int Rows, Exception? Error)> OutcomeAsync(Task<int> write)
    {
        try
        {
            return (await write, null);
        }
        catch (PostgresException ex)
        {
            return (0, ex);
        }
    }
}
