using Docker.DotNet.Models;
using EventReactor.Minion.Docker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Metrics;

/// <summary>
/// With <c>Minion:Metrics:SampleAll</c>, starts sampling every running container (looking for new ones every flush
/// interval); on shutdown, stops all sampling so each container's last batch reaches the outbox.
/// </summary>
internal sealed partial class MetricsSamplerService(
    MetricsSampler sampler,
    DockerClientFactory docker,
    IOptions<MinionOptions> options,
    ILogger<MetricsSamplerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var metrics = options.Value.Metrics;
        if (!metrics.SampleAll)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(metrics.FlushInterval);
            do
            {
                await StartNewAsync(metrics.Interval, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await sampler.StopAllAsync();
    }

    private async Task StartNewAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            using var client = docker.Create();
            var running = await client.Containers.ListContainersAsync(new ContainersListParameters(), cancellationToken);
            var sampled = sampler.Sampled.ToHashSet(StringComparer.Ordinal);
            foreach (var container in running.Where(c => !sampled.Contains(c.ID)))
            {
                try
                {
                    await sampler.StartAsync(container.ID, interval, cancellationToken);
                }
                catch (InvalidOperationException ex)
                {
                    LogCannotSample(logger, container.ID, ex.Message); // it exited between listing and inspecting
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogListFailed(logger, ex.GetBaseException().Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cannot sample container {Container}: {Reason}")]
    private static partial void LogCannotSample(ILogger logger, string container, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot list containers to sample: {Reason}")]
    private static partial void LogListFailed(ILogger logger, string reason);
}
