using System.Collections.Concurrent;
using EventReactor.Contracts;

namespace EventReactor.EndToEnd;

/// <summary>
/// Counts the reactor's fired events (see <see cref="CountingPublisher"/>): an expected container event is acted on
/// when a <c>bench/fired/...</c> event caused by it has been confirmed by the broker. Latency is the fired event's
/// <c>time</c> minus the container event's <c>time</c>, both stamped by this process's clock.
/// </summary>
internal sealed class FiredCounter : IReactionObserver
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expected = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Reaction> _reactions = new();
    private int _acted;
    private int _target = int.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Acted => Volatile.Read(ref _acted);

    public bool Listening => true;

    public IReadOnlyList<Reaction> Reactions => [.. _reactions];

    /// <summary>Starts a phase: forgets earlier counts and completes <see cref="WaitAsync"/> after <paramref name="target"/> reactions.</summary>
    public void Reset(int target)
    {
        _expected.Clear();
        _reactions.Clear();
        Volatile.Write(ref _acted, 0);
        _target = target;
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Expect(string eventId, DateTimeOffset time) => _expected[eventId] = time;

    public Task WaitAsync(TimeSpan timeout) => _reached.Task.WaitAsync(timeout);

    /// <summary>Whether the target was reached within <paramref name="timeout"/>.</summary>
    public async Task<bool> TryWaitAsync(TimeSpan timeout)
    {
        var reached = _reached.Task;
        return await Task.WhenAny(reached, Task.Delay(timeout)) == reached;
    }

    public void Observe(EventEnvelope fired)
    {
        if (!fired.Tag.StartsWith(RuleFile.FiredTagPrefix, StringComparison.Ordinal)
            || fired.CausedBy is not { } cause || !_expected.TryRemove(cause, out var origin))
        {
            return;
        }

        _reactions.Enqueue(new Reaction(cause, origin, fired.Time));
        if (Interlocked.Increment(ref _acted) == _target)
        {
            _reached.TrySetResult();
        }
    }
}
