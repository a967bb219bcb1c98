using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Processing;
using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Tests.Processing;

/// <summary>Many events at once, as the bus delivers them: ledger writes of concurrent events share transactions.</summary>
public sealed class ConcurrentProcessingTests
{
    private const string FireRule = """
        rules:
          - name: fire-on-die
            on: minion/*/docker/container/die
            do:
              - event.fire:
                  tag: bench/fired
        """;

    [Fact]
    public async Task ProcessAsync_ManyEventsAtOnceEachDeliveredTwice_FiresOncePerEvent()
    {
        await using var reactor = await ReactorHarness.StartAsync(FireRule);
        var events = Enumerable.Range(0, 64)
            .Select(i => EventEnvelope.Create($"minion/m{i}/docker/container/die", $"/minion/m{i}", JsonSerializer.SerializeToElement(new { exitCode = 1 }), $"m{i}"))
            .ToList();

        await Task.WhenAll(events.Concat(events).Select(e => Task.Run(() => reactor.Processor.ProcessAsync(e, EventSender.Reactor, CancellationToken.None))));

        Assert.Equal(events.Select(e => e.Id).Order(StringComparer.Ordinal), reactor.Published.Select(p => p.CausedBy!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_AfterConcurrentBurst_RedeliveryIsDuplicate()
    {
        await using var reactor = await ReactorHarness.StartAsync(FireRule);
        var events = Enumerable.Range(0, 32)
            .Select(i => EventEnvelope.Create($"minion/m{i}/docker/container/die", $"/minion/m{i}", JsonSerializer.SerializeToElement(new { exitCode = 1 }), $"m{i}"))
            .ToList();
        await Task.WhenAll(events.Select(e => Task.Run(() => reactor.Processor.ProcessAsync(e, EventSender.Reactor, CancellationToken.None))));
        reactor.Published.Clear();

        await reactor.Processor.ProcessAsync(events[7], EventSender.Reactor, CancellationToken.None);

        Assert.Empty(reactor.Published);
        var audit = await reactor.Audit.ForEventAsync(events[7].Id, CancellationToken.None);
        Assert.Contains(audit, record => record.Outcome == RuleOutcome.Duplicate);
    }
}
