using System.Collections.Concurrent;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;
using NSubstitute;

namespace EventReactor.Reactor.Tests.Audit;

public sealed class AuditWriterLingerTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);
    private readonly ConcurrentQueue<IReadOnlyList<AuditRecord>> _batches = new();
    private readonly IAuditStore _store = Substitute.For<IAuditStore>();

    public AuditWriterLingerTests()
    {
        _store.AppendAsync(Arg.Any<IReadOnlyList<EventEnvelope>>(), Arg.Any<IReadOnlyList<AuditRecord>>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                _batches.Enqueue(call.ArgAt<IReadOnlyList<AuditRecord>>(1));
                return Task.CompletedTask;
            });
    }

    [Fact]
    public async Task Record_SecondComesWithinTheLinger_BothWrittenInOneBatch()
    {
        using var writer = new AuditWriter(_store) { Linger = TimeSpan.FromSeconds(30) };
        await writer.StartAsync(CancellationToken.None);

        writer.Record(Record("e1"));
        await Task.Delay(200);
        writer.Record(Record("e2"));

        // The flush cuts the 30 s linger short.
        await writer.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var batch = Assert.Single(_batches);
        Assert.Equal(["e1", "e2"], batch.Select(record => record.EventId));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Record_NobodyFlushes_WrittenOnceTheLingerPassed()
    {
        using var writer = new AuditWriter(_store) { Linger = TimeSpan.FromMilliseconds(50) };
        await writer.StartAsync(CancellationToken.None);

        writer.Record(Record("e1"));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_batches.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var batch = Assert.Single(_batches);
        Assert.Equal("e1", Assert.Single(batch).EventId);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StopAsync_DuringTheLinger_WritesWhatWasQueued()
    {
        using var writer = new AuditWriter(_store) { Linger = TimeSpan.FromSeconds(30) };
        await writer.StartAsync(CancellationToken.None);
        writer.Record(Record("e1"));
        await Task.Delay(100);

        await writer.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("e1", Assert.Single(Assert.Single(_batches)).EventId);
    }

    private static AuditRecord Record(string eventId) =>
        new(eventId, "app/deploy", "rule", "rules.yaml:1", RuleOutcome.Acted, null, [], T0, 1);
}
