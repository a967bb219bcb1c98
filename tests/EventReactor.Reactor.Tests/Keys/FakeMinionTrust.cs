using EventReactor.Reactor.Keys;

namespace EventReactor.Reactor.Tests.Keys;

/// <summary>Accepts the minions given by the test, or every minion.</summary>
internal sealed class FakeMinionTrust(params string[] accepted) : IMinionTrust
{
    public static FakeMinionTrust Everyone { get; } = new() { AcceptsEveryone = true };

    private bool AcceptsEveryone { get; init; }

    public ValueTask<bool> IsAcceptedAsync(string minion, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AcceptsEveryone || accepted.Contains(minion, StringComparer.Ordinal));
}
