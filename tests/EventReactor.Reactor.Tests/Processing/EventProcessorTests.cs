using System.Net;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Processing;
using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Tests.Processing;

public sealed class EventProcessorTests
{
    private const string DiedRule = """
        rules:
          - name: announce-nonzero-exit
            on: minion/*/docker/container/die
            when: event.data.exitCode != 0
            do:
              - event.fire:
                  tag: demo/died
                  data:
                    container: ${{ event.data.name }}
                    exit: ${{ event.data.exitCode }}
        """;

    private static EventEnvelope Die(int exitCode, string minion = "m1") => EventEnvelope.Create(
        $"minion/{minion}/docker/container/die",
        $"/minion/{minion}",
        JsonSerializer.SerializeToElement(new { name = "c1", exitCode }),
        minion);

    [Fact]
    public async Task ProcessAsync_NonZeroExit_FiresDemoDiedWithIntegerExit()
    {
        await using var reactor = await ReactorHarness.StartAsync(DiedRule);
        var died = Die(3);

        await reactor.Processor.ProcessAsync(died, EventSender.Reactor, CancellationToken.None);

        var fired = Assert.Single(reactor.Published);
        Assert.Equal("demo/died", fired.Tag);
        Assert.Equal(JsonValueKind.Number, fired.Data.GetProperty("exit").ValueKind);
        Assert.Equal(3, fired.Data.GetProperty("exit").GetInt32());
        Assert.Equal(died.Id, fired.CausedBy);
        Assert.Equal(1, fired.Depth);
    }

    [Fact]
    public async Task ProcessAsync_ZeroExit_AuditsConditionFalseWithItsText()
    {
        await using var reactor = await ReactorHarness.StartAsync(DiedRule);
        var died = Die(0);

        await reactor.Processor.ProcessAsync(died, EventSender.Reactor, CancellationToken.None);

        Assert.Empty(reactor.Published);
        var record = Assert.Single(await reactor.Audit.ForEventAsync(died.Id, CancellationToken.None));
        Assert.Equal(RuleOutcome.ConditionFalse, record.Outcome);
        Assert.Equal("condition false: event.data.exitCode != 0", record.Detail);
        Assert.StartsWith(Path.Combine(reactor.RulesPath, "rules.yaml:2:"), record.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_SameEventTwice_ActsOnceAndAuditsDuplicate()
    {
        await using var reactor = await ReactorHarness.StartAsync(DiedRule);
        var died = Die(3);

        await reactor.Processor.ProcessAsync(died, EventSender.Reactor, CancellationToken.None);
        await reactor.Processor.ProcessAsync(died, EventSender.Reactor, CancellationToken.None);

        Assert.Single(reactor.Published);
        var outcomes = (await reactor.Audit.ForEventAsync(died.Id, CancellationToken.None)).Select(r => r.Outcome);
        Assert.Equal([RuleOutcome.Acted, RuleOutcome.Duplicate], outcomes);
    }

    [Fact]
    public async Task ProcessAsync_SameEventAfterRestart_ActsOnce()
    {
        var first = await ReactorHarness.StartAsync(DiedRule);
        var died = Die(3);
        await first.Processor.ProcessAsync(died, EventSender.Reactor, CancellationToken.None);
        Assert.Single(first.Published);

        await using var restarted = await first.RestartAsync(DiedRule);
        await restarted.Processor.ProcessAsync(died, EventSender.Reactor, CancellationToken.None);

        Assert.Empty(restarted.Published);
        Assert.Equal([RuleOutcome.Acted, RuleOutcome.Duplicate], (await restarted.Audit.ForEventAsync(died.Id, CancellationToken.None)).Select(r => r.Outcome));
    }

    [Fact]
    public async Task ProcessAsync_RuleFiresItsOwnTrigger_StopsAtDepthLimit()
    {
        await using var reactor = await ReactorHarness.StartAsync("""
            rules:
              - name: echo
                on: loop/*
                do:
                  - event.fire: { tag: loop/again }
            """, maxDepth: 3);
        var current = EventEnvelope.Create("loop/start", "/test");

        // Feed every fired event back in, as the bus would.
        for (var round = 0; round < 10 && current is not null; round++)
        {
            var before = reactor.Published.Count;
            await reactor.Processor.ProcessAsync(current, EventSender.Reactor, CancellationToken.None);
            current = reactor.Published.Count > before ? reactor.Published[^1] : null;
        }

        Assert.Equal([1, 2, 3, 4], reactor.Published.Select(e => e.Depth));
        var last = Assert.Single(await reactor.Audit.ForEventAsync(reactor.Published[^1].Id, CancellationToken.None));
        Assert.Equal(RuleOutcome.DepthExceeded, last.Outcome);
        Assert.Contains("depth 4 exceeds the limit 3", last.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_FailingHttpPost_RetriesThenRecordsFailedAndAnnounces()
    {
        await using var reactor = await ReactorHarness.StartAsync("""
            rules:
              - name: notify
                on: ci/*
                retry: { attempts: 3, backoff: 10ms }
                do:
                  - http.post:
                      url: http://chat.example/hook
                      body: { text: "build ${{ event.data.build }} done" }
            """);
        reactor.Http.Status = HttpStatusCode.InternalServerError;
        var built = EventEnvelope.Create("ci/finished", "/ci", JsonSerializer.SerializeToElement(new { build = 42 }));

        await reactor.Processor.ProcessAsync(built, EventSender.Reactor, CancellationToken.None);

        Assert.Equal(3, reactor.Http.Requests.Count);
        Assert.Equal("""{"text":"build 42 done"}""", reactor.Http.Requests[0].Body);
        var record = Assert.Single(await reactor.Audit.ForEventAsync(built.Id, CancellationToken.None));
        Assert.Equal(RuleOutcome.Failed, record.Outcome);
        var action = Assert.Single(record.Actions);
        Assert.Equal((ActionStatus.Failed, 3), (action.Status, action.Attempts));
        Assert.Contains("answered 500", action.Error, StringComparison.Ordinal);
        var announced = Assert.Single(reactor.Published);
        Assert.Equal("reactor/action/failed", announced.Tag);
        Assert.Equal("notify", announced.Data.GetProperty("rule").GetString());
        Assert.Equal(built.Id, announced.CausedBy);
    }

    [Fact]
    public async Task ProcessAsync_CancelledBetweenActions_AuditsTheActionsRunAsInterruptedAndThrows()
    {
        await using var reactor = await ReactorHarness.StartAsync("""
            rules:
              - name: announce-then-notify
                on: ci/*
                do:
                  - event.fire: { tag: ci/announced }
                  - http.post: { url: http://chat.example/hook }
            """);
        using var delivery = new CancellationTokenSource();
        reactor.Http.OnRequest = delivery.Cancel;
        var built = EventEnvelope.Create("ci/finished", "/ci");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reactor.Processor.ProcessAsync(built, EventSender.Reactor, delivery.Token));

        var record = Assert.Single(await reactor.Audit.ForEventAsync(built.Id, CancellationToken.None));
        Assert.Equal(RuleOutcome.Acted, record.Outcome);
        Assert.StartsWith("interrupted after 1 of 2 actions", record.Detail, StringComparison.Ordinal);
        var fired = Assert.Single(record.Actions);
        Assert.Equal(("event.fire", ActionStatus.Done), (fired.Action, fired.Status));
    }

    [Fact]
    public async Task ProcessAsync_ActionRetryOverridesRule_UsesActionsAttempts()
    {
        await using var reactor = await ReactorHarness.StartAsync("""
            rules:
              - name: notify
                on: ci/*
                retry: { attempts: 5, backoff: 10ms }
                do:
                  - http.post: { url: http://chat.example/hook }
                    retry: { attempts: 2, backoff: 10ms }
            """);
        reactor.Http.Status = HttpStatusCode.BadGateway;

        await reactor.Processor.ProcessAsync(EventEnvelope.Create("ci/finished", "/ci"), EventSender.Reactor, CancellationToken.None);

        Assert.Equal(2, reactor.Http.Requests.Count);
    }

    [Fact]
    public async Task ProcessAsync_ThrottledByMinion_ActsOncePerKeyWithinWindow()
    {
        await using var reactor = await ReactorHarness.StartAsync("""
            rules:
              - name: once-per-minion
                on: minion/*/docker/container/die
                throttle: { once_within: 1h, key: "${{ event.minion }}" }
                do:
                  - event.fire: { tag: "seen/${{ event.minion }}" }
            """);
        var second = Die(1, "m1");

        await reactor.Processor.ProcessAsync(Die(1, "m1"), EventSender.Reactor, CancellationToken.None);
        await reactor.Processor.ProcessAsync(second, EventSender.Reactor, CancellationToken.None);
        await reactor.Processor.ProcessAsync(Die(1, "m2"), EventSender.Reactor, CancellationToken.None);

        Assert.Equal(["seen/m1", "seen/m2"], reactor.Published.Select(e => e.Tag));
        var throttled = Assert.Single(await reactor.Audit.ForEventAsync(second.Id, CancellationToken.None));
        Assert.Equal(RuleOutcome.Throttled, throttled.Outcome);
    }

    [Fact]
    public async Task ProcessAsync_StopRuleMatches_LaterRulesAuditedAsStopped()
    {
        await using var reactor = await ReactorHarness.StartAsync("""
            rules:
              - name: first
                on: a/*
                stop: true
                do:
                  - event.fire: { tag: from/first }
              - name: second
                on: a/*
                do:
                  - event.fire: { tag: from/second }
            """);
        var envelope = EventEnvelope.Create("a/b", "/test");

        await reactor.Processor.ProcessAsync(envelope, EventSender.Reactor, CancellationToken.None);

        Assert.Equal(["from/first"], reactor.Published.Select(e => e.Tag));
        var audit = await reactor.Audit.ForEventAsync(envelope.Id, CancellationToken.None);
        Assert.Equal([RuleOutcome.Acted, RuleOutcome.Stopped], audit.Select(r => r.Outcome));
        Assert.Contains("'first'", audit[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_ConditionError_AuditedWithReasonAndNoAction()
    {
        await using var reactor = await ReactorHarness.StartAsync(DiedRule);
        var noExitCode = EventEnvelope.Create("minion/m1/docker/container/die", "/minion/m1", JsonSerializer.SerializeToElement(new { name = "c1" }), "m1");

        await reactor.Processor.ProcessAsync(noExitCode, EventSender.Reactor, CancellationToken.None);

        Assert.Empty(reactor.Published);
        var record = Assert.Single(await reactor.Audit.ForEventAsync(noExitCode.Id, CancellationToken.None));
        Assert.Equal(RuleOutcome.ConditionError, record.Outcome);
        Assert.Contains("exitCode", record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_ActedRule_AuditsRenderedArguments()
    {
        await using var reactor = await ReactorHarness.StartAsync(DiedRule);
        var died = Die(7);

        await reactor.Processor.ProcessAsync(died, EventSender.Reactor, CancellationToken.None);

        var action = Assert.Single(Assert.Single(await reactor.Audit.ForEventAsync(died.Id, CancellationToken.None)).Actions);
        Assert.Equal("event.fire", action.Action);
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Equal(7, action.Arguments!.Value.GetProperty("data").GetProperty("exit").GetInt32());
    }
}
