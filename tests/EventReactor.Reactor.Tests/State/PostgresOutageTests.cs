using EventReactor.Storage.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace EventReactor.Reactor.Tests.State;

public sealed class PostgresOutageTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Retry_ServerUnavailableTwice_WaitsOnTheClockThenSucceeds()
    {
        var calls = 0;
        var run = PostgresOutage.Retry(_time).ExecuteAsync(_ => ++calls <= 2
            ? throw new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")
            : ValueTask.FromResult(42)).AsTask();

        await Task.Delay(50);
        Assert.False(run.IsCompleted); // the first wait has not passed on the fake clock
        await AdvanceUntilDoneAsync(run);

        Assert.Equal(42, await run);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Retry_BrokenConnection_IsTriedAgain()
    {
        var calls = 0;
        var run = PostgresOutage.Retry(_time).ExecuteAsync(_ => ++calls == 1
            ? throw new NpgsqlException("Exception while reading from stream", new IOException("connection reset"))
            : ValueTask.FromResult(1)).AsTask();
        await AdvanceUntilDoneAsync(run);

        Assert.Equal(1, await run);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Retry_StatementError_FailsAtOnce()
    {
        var calls = 0;
        var run = PostgresOutage.Retry(_time).ExecuteAsync<int>(_ =>
        {
            calls++;
            throw new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505");
        }).AsTask();

        await Assert.ThrowsAsync<PostgresException>(() => run);
        Assert.Equal(1, calls);
    }

    private async Task AdvanceUntilDoneAsync(Task run)
    {
        for (var i = 0; i < 20 && !run.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(20);
        }
    }
}
