using EventReactor.Contracts;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Journal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace EventReactor.Reactor.Tests.Journal;

public sealed class EventJournalTests
{
    private static readonly JournalOptions Settings = new() { MaxAge = TimeSpan.FromDays(7), MaxBytes = 1000, PruneInterval = TimeSpan.FromMinutes(1) };

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000));
    private readonly IEventJournalStore _store = Substitute.For<IEventJournalStore>();
    private readonly IAuditStore _audit = Substitute.For<IAuditStore>();
    private int _pruned;

    [Fact]
    public async Task ObserveAsync_Enabled_EventWrittenInTheAuditsBatchWithItsRecords()
    {
        using var writer = new AuditWriter(_audit);
        using var journal = new EventJournal(_store, writer, Options.Create(Settings), _time, NullLogger<EventJournal>.Instance);
        var envelope = EventEnvelope.Create("a/b", "/test");
        var record = new Contracts.Api.AuditRecord(envelope.Id, envelope.Tag, "r", "r.yaml:1:1", Contracts.Api.RuleOutcome.Acted, null, [], _time.GetUtcNow(), 1);

        // Queued before the writer starts, so that both are in its first batch.
        await journal.ObserveAsync(envelope, CancellationToken.None);
        writer.Record(record);
        await writer.StartAsync(CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        await _audit.Received(1).AppendAsync(
            Arg.Is<IReadOnlyList<EventEnvelope>>(events => events.Single().Id == envelope.Id),
            Arg.Is<IReadOnlyList<Contracts.Api.AuditRecord>>(records => records.Single() == record),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ObserveAsync_Disabled_NothingWritten()
    {
        using var writer = new AuditWriter(_audit);
        using var journal = new EventJournal(_store, writer, Options.Create(new JournalOptions { Enabled = false }), _time, NullLogger<EventJournal>.Instance);
        await writer.StartAsync(CancellationToken.None);

        await journal.ObserveAsync(EventEnvelope.Create("a/b", "/test"), CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        await _audit.DidNotReceiveWithAnyArgs().AppendAsync(default!, default!, default);
    }

    [Fact]
    public async Task ExecuteAsync_StartedThenAnIntervalPassed_PrunedAtStartAndAgainByAgeAndSize()
    {
        using var writer = new AuditWriter(_audit);
        using var journal = new EventJournal(_store, writer, Options.Create(Settings), _time, NullLogger<EventJournal>.Instance);

        await StartPrunedOnceAsync(journal);
        _time.Advance(Settings.PruneInterval);
        await WaitForAsync(() => _pruned == 2);
        await journal.StopAsync(CancellationToken.None);

        await _store.Received(2).PruneAsync(Arg.Any<DateTimeOffset>(), 1000, Arg.Any<CancellationToken>());
        await _store.Received(1).PruneAsync(_time.GetUtcNow() - Settings.MaxAge, 1000, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task StopAsync_WhileWaitingForTheInterval_Stops()
    {
        using var writer = new AuditWriter(_audit);
        using var journal = new EventJournal(_store, writer, Options.Create(Settings), _time, NullLogger<EventJournal>.Instance);
        await StartPrunedOnceAsync(journal);

        var stop = journal.StopAsync(CancellationToken.None);

        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.True(journal.ExecuteTask!.IsCompletedSuccessfully);
    }

    // Started, and its first pruning (at start) done; _pruned counts the prunings.
    private async Task StartPrunedOnceAsync(EventJournal journal)
    {
        _store.PruneAsync(default, default, default).ReturnsForAnyArgs(_ => ++_pruned);
        await journal.StartAsync(CancellationToken.None);
        await WaitForAsync(() => _pruned == 1);
    }

    private static async Task WaitForAsync(Func<bool> done)
    {
        for (var i = 0; i < 500 && !done(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(done());
    }
}
