using EventReactor.Contracts;
using EventReactor.Minion.Outbox;

namespace EventReactor.Minion.Metrics;

/// <summary>
/// Samples one container at its interval and ships the samples in batches; the last batch goes out when the
/// cgroup vanishes (the container exited) or sampling is stopped.
/// </summary>
internal sealed class ContainerSampling(
    ContainerTarget target,
    TimeSpan interval,
    MetricsOptions options,
    string minionId,
    IMinionOutbox outbox,
    TimeProvider time) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ContainerSample> _buffer = [];
    private readonly HostShape _host = HostShape.Of(options.ProcRoot);
    private Task? _running;
    private string _ended = "stopped";

    public ContainerTarget Target { get; } = target;

    public TimeSpan Interval { get; } = interval;

    /// <summary>Completes when sampling ended, with the final batch shipped.</summary>
    public Task Completion => _running ?? Task.CompletedTask;

    public void Start() => _running = Task.Run(RunAsync);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Completion;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval, time);
        var nextFlush = NextFlush();
        try
        {
            // The first reading at once, not one interval in: a short benchmark repetition is over in a few intervals.
            do
            {
                var now = time.GetUtcNow();
                if (!CgroupReader.TryRead(Target.Cgroup, Target.NetDevFile, now, out var sample))
                {
                    _ended = "exited";
                    break; // the cgroup is gone: the container exited
                }

                _buffer.Add(sample);
                if (_buffer.Count >= options.FlushSamples || now >= nextFlush)
                {
                    await FlushAsync(final: false);
                    nextFlush = NextFlush();
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _ended = $"failed: {ex.GetBaseException().Message}"; // still ship what was read
        }
        finally
        {
            Target.Cgroup.Dispose();
        }

        await FlushAsync(final: true);
    }

    private async Task FlushAsync(bool final)
    {
        if (_buffer.Count == 0 && !final)
        {
            return;
        }

        var batch = MetricsEvents.Batch(minionId, Target.Id, Target.Name, Interval, _host, _buffer.ToArray(), final ? _ended : null);
        _buffer.Clear();

        // The outbox only appends to a local file; it must not be cut short by the stop that asked for this flush.
        await outbox.AppendAsync(batch, CancellationToken.None);
    }

    private DateTimeOffset NextFlush() => FlushSchedule.Next(time, options.FlushInterval);
}
