using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Processing;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Tests.Keys;

namespace EventReactor.Reactor.Tests.Processing;

/// <summary>Events that speak for a minion whose key is not accepted are audited as untrusted and never acted on.</summary>
public sealed class UntrustedEventTests
{
    private const string Rules = """
        rules:
          - name: announce-nonzero-exit
            on: minion/*/docker/container/die
            do:
              - event.fire: { tag: demo/died }
          - name: on-return
            on: job/*/ret/*
            do:
              - event.fire: { tag: demo/returned }
        """;

    [Fact]
    public async Task ProcessAsync_EventFromUnacceptedMinion_AuditedUntrustedAndNothingFired()
    {
        await using var reactor = await ReactorHarness.StartAsync(Rules, trust: new FakeMinionTrust("trusted"));
        var died = Die("stranger");

        await reactor.Processor.ProcessAsync(died, EventSender.Reactor, CancellationToken.None);

        Assert.Empty(reactor.Published);
        var record = Assert.Single(await reactor.Audit.ForEventAsync(died.Id, CancellationToken.None));
        Assert.Equal((RuleOutcome.Untrusted, "minion 'stranger''s key is not accepted (eventreactor keys list)"), (record.Outcome, record.Detail));
    }

    [Fact]
    public async Task ProcessAsync_TagNamesAnUnacceptedMinionButAttributeATrustedOne_Untrusted()
    {
        await using var reactor = await ReactorHarness.StartAsync(Rules, trust: new FakeMinionTrust("trusted"));
        var spoofed = Die("victim") with { Minion = "trusted" };

        await reactor.Processor.ProcessAsync(spoofed, EventSender.Reactor, CancellationToken.None);

        Assert.Empty(reactor.Published);
    }

    [Fact]
    public async Task ProcessAsync_ReturnInTheNameOfAnUnacceptedMinion_Untrusted()
    {
        await using var reactor = await ReactorHarness.StartAsync(Rules, trust: new FakeMinionTrust("trusted"));
        var forged = EventEnvelope.Create("job/j1/ret/stranger", "/api", JsonSerializer.SerializeToElement(new { success = true }));

        await reactor.Processor.ProcessAsync(forged, EventSender.Reactor, CancellationToken.None);

        Assert.Empty(reactor.Published);
    }

    [Fact]
    public async Task ProcessAsync_EventFromAcceptedMinion_Acted()
    {
        await using var reactor = await ReactorHarness.StartAsync(Rules, trust: new FakeMinionTrust("trusted"));

        await reactor.Processor.ProcessAsync(Die("trusted"), EventSender.Reactor, CancellationToken.None);

        Assert.Equal("demo/died", Assert.Single(reactor.Published).Tag);
    }

    /// <summary>The regression catcher: with a check that trusts everyone, the untrusted-event attack gets through, so the test above would catch that.</summary>
    [Fact]
    public async Task UntrustedEventAttack_TrustThatAcceptsEveryone_Succeeds()
    {
        await using var reactor = await ReactorHarness.StartAsync(Rules, trust: FakeMinionTrust.Everyone);

        await reactor.Processor.ProcessAsync(Die("stranger"), EventSender.Reactor, CancellationToken.None);

        Assert.NotEmpty(reactor.Published);
    }

    private static EventEnvelope Die(string minion) => EventEnvelope.Create(
        $"minion/{minion}/docker/container/die",
        $"/minion/{minion}",
        JsonSerializer.SerializeToElement(new { name = "c1", exitCode = 1 }),
        minion);
}
