using EventReactor.Reactor.Leases;

namespace EventReactor.Reactor.Tests.Leases;

/// <summary>Work that runs until cancelled, recording each time it starts (with its token) and each time it is stopped.</summary>
internal sealed class LeasedWorkProbe
{
    private readonly List<LeaseToken> _starts = [];
    private int _stops;

    public IReadOnlyList<LeaseToken> Starts
    {
        get
        {
            lock (_starts)
            {
                return [.. _starts];
            }
        }
    }

    public int Stops => Volatile.Read(ref _stops);

    public bool Running => Starts.Count > Stops;

    public async Task RunAsync(LeaseToken lease, CancellationToken held)
    {
        lock (_starts)
        {
            _starts.Add(lease);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, held);
        }
        finally
        {
            Interlocked.Increment(ref _stops);
        }
    }
}
