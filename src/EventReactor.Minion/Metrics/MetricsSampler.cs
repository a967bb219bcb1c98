using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;
using EventReactor.Minion.Docker;
using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Metrics;

/// <summary>The containers being sampled, one <see cref="ContainerSampling"/> each; started by commands or by <see cref="MetricsSamplerService"/>.</summary>
internal sealed class MetricsSampler(
    DockerClientFactory docker,
    IMinionOutbox outbox,
    IOptions<MinionOptions> options,
    TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ContainerSampling> _sampling = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Sampled => _sampling.Keys.ToList();

    /// <summary>Starts sampling (or changes the interval of) a running container; returns its full id.</summary>
    public async Task<string> StartAsync(string container, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval < MetricsOptions.MinInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"the interval must be at least {MetricsOptions.MinInterval.TotalMilliseconds} ms");
        }

        var target = await ResolveAsync(container, cancellationToken);
        if (_sampling.TryGetValue(target.Id, out var existing))
        {
            if (existing.Interval == interval && !existing.Completion.IsCompleted)
            {
                return target.Id;
            }

            await StopAsync(target.Id);
        }

        Start(target, interval);
        return target.Id;
    }

    /// <summary>Starts sampling an already resolved target (the benchmark and tests skip the engine).</summary>
    public void Start(ContainerTarget target, TimeSpan interval)
    {
        var minion = options.Value;
        var sampling = new ContainerSampling(target, interval, minion.Metrics, minion.Id, outbox, time);
        if (!_sampling.TryAdd(target.Id, sampling))
        {
            return;
        }

        sampling.Start();

        // Forget the container once its sampling ends by itself (it exited), so a restart starts afresh.
        _ = sampling.Completion.ContinueWith(_ => _sampling.TryRemove(new KeyValuePair<string, ContainerSampling>(target.Id, sampling)), TaskScheduler.Default);
    }

    /// <summary>Stops sampling, shipping what was buffered; false when the container was not being sampled.</summary>
    public async Task<bool> StopAsync(string container)
    {
        var key = _sampling.Keys.FirstOrDefault(id => id.StartsWith(container, StringComparison.Ordinal)) ?? container;
        if (!_sampling.TryRemove(key, out var sampling))
        {
            return false;
        }

        await sampling.DisposeAsync();
        return true;
    }

    public async Task StopAllAsync()
    {
        foreach (var id in _sampling.Keys.ToList())
        {
            await StopAsync(id);
        }
    }

    private async Task<ContainerTarget> ResolveAsync(string container, CancellationToken cancellationToken)
    {
        using var client = docker.Create();
        ContainerInspectResponse inspected;
        try
        {
            inspected = await client.Containers.InspectContainerAsync(container, cancellationToken);
        }
        catch (DockerContainerNotFoundException)
        {
            throw new InvalidOperationException($"no container '{container}' on this host");
        }

        if (inspected.State is not { Running: true, Pid: > 0 })
        {
            throw new InvalidOperationException($"container '{container}' is not running");
        }

        var cgroup = ContainerCgroup.Find(options.Value.Metrics.CgroupRoot, inspected.ID)
            ?? throw new InvalidOperationException($"no cgroup for container '{container}' under {options.Value.Metrics.CgroupRoot}");

        // The init pid is read once: it lives as long as the container, and its net/dev is the container's namespace.
        var netDev = inspected.HostConfig?.NetworkMode == "host" ? null : Path.Join(options.Value.Metrics.ProcRoot, inspected.State.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "net", "dev");
        return new ContainerTarget(inspected.ID, inspected.Name?.TrimStart('/'), cgroup, netDev);
    }
}
