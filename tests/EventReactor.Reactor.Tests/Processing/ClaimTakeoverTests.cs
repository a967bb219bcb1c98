using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.Reactions;

namespace EventReactor.Reactor.Tests.Processing;

/// <summary>
/// An event delivered again after the reactor that claimed its action died (or still lives): the executor waits for the
/// owner's liveness lease, then takes the claim over and acts, or leaves it to the live owner.
/// </summary>
public sealed class ClaimTakeoverTests
{
    private const string Rule = """
        rules:
          - name: fire-on-event
            on: test/takeover
            do:
              - event.fire:
                  tag: test/acted
        """;

    // Short leases: the executor waits a lease's length for the owner's to run out.
    private static readonly LeaseOptions Leases = new() { Duration = TimeSpan.FromSeconds(1), RenewEvery = TimeSpan.FromMilliseconds(300) };

    [Fact]
    public async Task ProcessAsync_ClaimLeftRunningByADeadReactor_TakenOverOnceItsLeaseRunsOutAndActedOnce()
    {
        await using var reactor = await ReactorHarness.StartAsync(Rule, leases: Leases);
        var envelope = Event();
        Assert.NotNull(await ClaimAsAnotherReactorAsync(reactor, envelope, lease: Leases.Duration));

        await reactor.Processor.ProcessAsync(envelope, EventSender.Reactor, CancellationToken.None);

        Assert.Equal("test/acted", Assert.Single(reactor.Published).Tag);
    }

    [Fact]
    public async Task ProcessAsync_ClaimRunningOnALiveReactor_LeftToItAndNothingFired()
    {
        await using var reactor = await ReactorHarness.StartAsync(Rule, leases: Leases);
        var envelope = Event();
        Assert.NotNull(await ClaimAsAnotherReactorAsync(reactor, envelope, lease: TimeSpan.FromHours(1)));

        await reactor.Processor.ProcessAsync(envelope, EventSender.Reactor, CancellationToken.None);

        Assert.Empty(reactor.Published);
    }

    private static Task<ReactionClaim?> ClaimAsAnotherReactorAsync(ReactorHarness reactor, EventEnvelope envelope, TimeSpan lease)
    {
        var other = new ReactorLiveness(new SqliteLeaseStore(reactor.Database, TimeProvider.System), "other", lease, TimeProvider.System);
        return new SqliteReactionLedger(reactor.Database, other, TimeProvider.System).TryClaimAsync(envelope.Id, "fire-on-event", 0, CancellationToken.None);
    }

    private static EventEnvelope Event() => EventEnvelope.Create("test/takeover", "/test", JsonSerializer.SerializeToElement(new { }));
}
