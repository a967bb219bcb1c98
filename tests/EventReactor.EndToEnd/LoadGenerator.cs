using System.Diagnostics;

namespace EventReactor.EndToEnd;

/// <summary>Plays container <c>die</c> events into the simulated minions' outboxes and waits until the reactor acted on each.</summary>
internal sealed class LoadGenerator(IReadOnlyList<SimulatedMinion> minions, FiredCounter counter, int containersPerMinion)
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private long _sequence;

    /// <summary>As fast as the minions take them (each minion one event after the other, like its Docker watcher); returns events per second.</summary>
    public async Task<FloodResult> FloodAsync(int count)
    {
        counter.Reset(count);
        var perMinion = count / minions.Count;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(minions.Select((minion, index) => Task.Run(async () =>
        {
            var share = index == 0 ? count - (perMinion * (minions.Count - 1)) : perMinion;
            for (var i = 0; i < share; i++)
            {
                await PublishAsync(minion, i);
            }
        })));
        var stored = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await counter.WaitAsync(Patience);
        var acted = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new FloodResult(count / acted, count / stored);
    }

    /// <summary>
    /// A steady <paramref name="rate"/> events per second over all minions (each paced on its own, one event after the
    /// other), then waits for every reaction; <see cref="SteadyResult.KeptUp"/> says whether they came within
    /// <paramref name="grace"/> of the last store.
    /// </summary>
    public async Task<SteadyResult> SteadyAsync(int rate, int seconds, TimeSpan grace)
    {
        var count = Math.Max(1, rate * seconds);
        counter.Reset(count);
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(minions.Select((minion, index) => Task.Run(async () =>
        {
            // Event i goes to minion i % minions, at its due time from the common start.
            var interval = Stopwatch.Frequency / (double)rate;
            for (var i = index; i < count; i += minions.Count)
            {
                var wait = started + (long)(i * interval) - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
                }

                await PublishAsync(minion, i);
            }
        })));
        var offered = count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        var keptUp = await counter.TryWaitAsync(grace);
        if (!keptUp)
        {
            await counter.WaitAsync(Patience);
        }

        var (process, broker) = cpu.PerEvent(count);
        return new SteadyResult(counter.Reactions, offered, keptUp, process, broker);
    }

    /// <summary>Until the reactor's queue exists and it acts: one event at a time, a fired event ends it.</summary>
    public async Task WaitForReactorAsync(TimeSpan timeout)
    {
        counter.Reset(1);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (counter.Acted == 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the reactor did not act within {timeout.TotalSeconds}s");
            }

            await PublishAsync(minions[0], 0);
            await Task.Delay(250);
        }
    }

    private Task PublishAsync(SimulatedMinion minion, int index)
    {
        var envelope = DockerEvents.Die(minion.Id, index % containersPerMinion, Interlocked.Increment(ref _sequence));
        counter.Expect(envelope.Id, envelope.Time);
        return minion.PublishAsync(envelope);
    }
}
