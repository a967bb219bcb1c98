using EventReactor.Reactor.Keys;

namespace EventReactor.Benchmarks.Trust;

/// <summary>The accepted ids as <c>MinionKeyService</c> holds them between its reloads (every 5 s): one set lookup.</summary>
internal sealed class AcceptedMinions(IEnumerable<string> ids) : IMinionTrust
{
    private readonly HashSet<string> _ids = new(ids, StringComparer.Ordinal);

    public ValueTask<bool> IsAcceptedAsync(string minion, CancellationToken cancellationToken) => ValueTask.FromResult(_ids.Contains(minion));
}
