using EventReactor.Storage.Postgres;
using Npgsql;

namespace EventReactor.Reactor.Tests.State;

public sealed class StatementGroupTests
{
    private readonly TaskCompletionSource _firstBatchMayEnd = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string[]> _batches = [];
    private readonly List<string> _alone = [];

    [Fact]
    public async Task ExecuteAsync_CallersQueuedWhileABatchIsSent_SentTogetherInTheNextBatch()
    {
        var group = Group(failing: null);
        var first = group.ExecuteAsync("first", [], CancellationToken.None);
        var queued = Enumerable.Range(0, 5).Select(i => group.ExecuteAsync($"s{i}", [], CancellationToken.None)).ToList();
        _firstBatchMayEnd.SetResult();

        Assert.Equal(1, await first);
        Assert.All(await Task.WhenAll(queued), rows => Assert.Equal(1, rows));
        Assert.Equal([["first"], ["s0", "s1", "s2", "s3", "s4"]], _batches);
        Assert.Empty(_alone);
    }

    [Fact]
    public async Task ExecuteAsync_OneStatementOfABatchFails_OnlyItsCallerSeesTheErrorAndTheOthersCommitAlone()
    {
        var group = Group(failing: "bad");
        var first = group.ExecuteAsync("first", [], CancellationToken.None);
        var good = new[] { group.ExecuteAsync("a", [], CancellationToken.None), group.ExecuteAsync("b", [], CancellationToken.None) };
        var bad = group.ExecuteAsync("bad", [], CancellationToken.None);
        _firstBatchMayEnd.SetResult();

        await first;
        Assert.All(await Task.WhenAll(good), rows => Assert.Equal(1, rows));
        var error = await Assert.ThrowsAsync<PostgresException>(() => bad);
        Assert.Equal("23505", error.SqlState);
        Assert.Equal(["a", "b", "bad"], _alone);
    }

    [Fact]
    public async Task ExecuteAsync_AParameterOfABatchCannotBeSent_OnlyItsCallerSeesTheError()
    {
        var group = Group(failing: "bad", failure: () => new InvalidCastException("cannot write a DateTime as bigint"));
        var first = group.ExecuteAsync("first", [], CancellationToken.None);
        var good = group.ExecuteAsync("a", [], CancellationToken.None);
        var bad = group.ExecuteAsync("bad", [], CancellationToken.None);
        _firstBatchMayEnd.SetResult();

        await first;
        Assert.Equal(1, await good);
        await Assert.ThrowsAsync<InvalidCastException>(() => bad);
        Assert.Equal(["a", "bad"], _alone);
    }

    [Fact]
    public async Task ExecuteAsync_ServerUnavailableForTheWholeBatch_EveryCallerSeesItWithoutRunningAlone()
    {
        var group = Group(failing: "first", unavailable: true);
        var first = group.ExecuteAsync("first", [], CancellationToken.None);
        _firstBatchMayEnd.SetResult();

        await Assert.ThrowsAsync<PostgresException>(() => first);
        Assert.Empty(_alone);
    }

    // The first batch waits for the test's signal, so that the callers after it queue behind it; a batch holding
    // "failing" throws as the server would (a unique violation, or the server shutting down) or as failure says,
    // and so does it alone.
    private StatementGroup Group(string? failing, bool unavailable = false, Func<Exception>? failure = null) => new(
        async (batch, _) =>
        {
            var sql = batch.Select(s => s.Sql).ToArray();
            lock (_batches)
            {
                _batches.Add(sql);
            }

            if (_batches.Count == 1)
            {
                await _firstBatchMayEnd.Task;
            }

            return failing is not null && sql.Contains(failing) ? throw (failure?.Invoke() ?? Failure(unavailable)) : sql.Select(_ => 1).ToArray();
        },
        alone =>
        {
            lock (_alone)
            {
                _alone.Add(alone.Sql);
            }

            return alone.Sql == failing ? throw (failure?.Invoke() ?? Failure(unavailable)) : Task.FromResult(1);
        });

    private static PostgresException Failure(bool unavailable) => unavailable
        ? new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")
        : new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505");
}
