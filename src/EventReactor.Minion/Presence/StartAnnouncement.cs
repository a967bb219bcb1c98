namespace EventReactor.Minion.Presence;

/// <summary>
/// Completes once <c>minion/&lt;id&gt;/start</c> is published; heartbeats wait for it so that the reactor always
/// hears of a minion's start before its beats, however long the first inventory collection takes.
/// </summary>
internal sealed class StartAnnouncement
{
    private readonly TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void MarkPublished() => _published.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => _published.Task.WaitAsync(cancellationToken);
}
