namespace EventReactor.Reactor.Keys;

/// <summary>Whether a minion's key is accepted: what targeting, job dispatch, returns and event processing each ask.</summary>
internal interface IMinionTrust
{
    ValueTask<bool> IsAcceptedAsync(string minion, CancellationToken cancellationToken);
}
