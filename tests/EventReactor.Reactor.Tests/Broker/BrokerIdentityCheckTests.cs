using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Messaging;
using EventReactor.Reactor.Broker;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.Tests.Keys;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.Broker;

/// <summary>
/// With broker identity on, an event that speaks for minion X is acted on only when X's own broker user published it:
/// the reactor audits the others as <c>rejected</c> (identity) and nothing acts, and no state follows them.
/// </summary>
public sealed class BrokerIdentityCheckTests
{
    private const string Rules = """
        rules:
          - name: on-die
            on: minion/*/docker/container/die
            do:
              - event.fire: { tag: demo/died }
          - name: on-return
            on: job/*/ret/*
            do:
              - event.fire: { tag: demo/returned }
        """;

    [Theory]
    [InlineData("minion-b", null)]
    [InlineData("reactor", null)]
    [InlineData("minion-a", "identity: the event speaks for minion 'b' but was published by broker user 'minion-a', not 'minion-b'")]
    [InlineData("minion-bb", "identity: the event speaks for minion 'b' but was published by broker user 'minion-bb', not 'minion-b'")]
    [InlineData(null, "identity: the event speaks for minion 'b' but was published by a message without user_id, not 'minion-b'")]
    public void RejectedReason_EventForB_OnlyBOrTheReactorMaySendIt(string? user, string? expected) =>
        Assert.Equal(expected, Check(enabled: true).RejectedReason(Die("b"), EventSender.FromBus(user)));

    [Fact]
    public void RejectedReason_AttributeTagAndReturn_EachMustMatchTheSender()
    {
        var check = Check(enabled: true);

        Assert.NotNull(check.RejectedReason(Die("a") with { Minion = "b" }, EventSender.FromBus("minion-a")));
        Assert.NotNull(check.RejectedReason(Return("b") with { Minion = "a" }, EventSender.FromBus("minion-a")));
        Assert.Null(check.RejectedReason(Return("a") with { Minion = "a" }, EventSender.FromBus("minion-a")));
    }

    [Fact]
    public void RejectedReason_NotSpeakingForAMinion_Unaffected() =>
        Assert.Null(Check(enabled: true).RejectedReason(EventEnvelope.Create("ci/build/done", "/ci", default), EventSender.FromBus(null)));

    [Fact]
    public void RejectedReason_ReactorsOwnEventOrIdentityOff_Null()
    {
        Assert.Null(Check(enabled: true).RejectedReason(Die("b"), EventSender.Reactor));
        Assert.Null(Check(enabled: false).RejectedReason(Die("b"), EventSender.FromBus("minion-a")));
    }

    [Fact]
    public async Task ProcessAsync_MinionASpeaksForB_AuditedRejectedIdentityAndNothingFired()
    {
        var (outcome, detail, fired) = await AttackAsync(Check(enabled: true), Die("b"));

        Assert.Equal(RuleOutcome.Rejected, outcome);
        Assert.StartsWith("identity:", detail, StringComparison.Ordinal);
        Assert.Equal(0, fired);
    }

    [Fact]
    public async Task ProcessAsync_ForgedReturnForB_AuditedRejected()
    {
        var (outcome, _, fired) = await AttackAsync(Check(enabled: true), Return("b"));

        Assert.Equal((RuleOutcome.Rejected, 0), (outcome, fired));
    }

    [Fact]
    public async Task ProcessAsync_MinionBSpeaksForItself_Acted()
    {
        await using var reactor = await ReactorHarness.StartAsync(Rules, identity: Check(enabled: true));
        var died = Die("b");

        await reactor.Processor.ProcessAsync(died, EventSender.FromBus("minion-b"), CancellationToken.None);

        Assert.Equal(RuleOutcome.Acted, Assert.Single(await reactor.Audit.ForEventAsync(died.Id, CancellationToken.None)).Outcome);
    }

    /// <summary>
    /// The regression catcher: the impersonation attack, run against an identity check that lets everything through,
    /// is acted on. So the attack tests (here and BrokerIdentityAttackTests) would fail if the check were weakened that way.
    /// </summary>
    [Fact]
    public async Task ImpersonationAttack_CheckThatLetsEverythingThrough_IsActedOn()
    {
        var real = await AttackAsync(Check(enabled: true), Die("b"));
        var weakened = await AttackAsync(new LetEverythingThrough(), Die("b"));

        Assert.Equal(RuleOutcome.Rejected, real.Outcome);
        Assert.Equal((RuleOutcome.Acted, 1), (weakened.Outcome, weakened.Fired));
    }

    internal static BrokerIdentityCheck Check(bool enabled) =>
        new(Options.Create(new BrokerIdentityOptions { Enabled = enabled }), Options.Create(new BusOptions { Url = "rabbitmq://reactor:secret@localhost:5672/" }));

    // Minion a publishes, as its own validated broker user, an event that speaks for minion b.
    private static async Task<(RuleOutcome Outcome, string? Detail, int Fired)> AttackAsync(IEventIdentityCheck check, EventEnvelope forged)
    {
        await using var reactor = await ReactorHarness.StartAsync(Rules, trust: FakeMinionTrust.Everyone, identity: check);
        await reactor.Processor.ProcessAsync(forged, EventSender.FromBus("minion-a"), CancellationToken.None);
        var record = Assert.Single(await reactor.Audit.ForEventAsync(forged.Id, CancellationToken.None));
        return (record.Outcome, record.Detail, reactor.Published.Count);
    }

    private static EventEnvelope Die(string minion) =>
        EventEnvelope.Create($"minion/{minion}/docker/container/die", $"/minion/{minion}", JsonSerializer.SerializeToElement(new { exitCode = 1 }));

    private static EventEnvelope Return(string minion) =>
        EventEnvelope.Create($"job/j1/ret/{minion}", $"/minion/{minion}", JsonSerializer.SerializeToElement(new { success = true }));

    private sealed class LetEverythingThrough : IEventIdentityCheck
    {
        public string? RejectedReason(EventEnvelope envelope, EventSender sender) => null;
    }
}
