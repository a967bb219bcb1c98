using System.Collections.Concurrent;
using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// A private RabbitMQ node and dockerd (deploy/dev/chaos.sh) that chaos tests may stop and restart without
/// disturbing anyone using the shared services. A missing prerequisite fails the tests with the command that fixes it.
/// </summary>
public sealed class ChaosServices : IAsyncLifetime
{
    public const string RabbitMqUrl = "rabbitmq://guest:guest@localhost:5673/";
    public const int RabbitMqPort = 5673;
    public const string DockerEndpoint = "unix:///run/er-chaos-docker.sock";

    public DockerClient Docker { get; } = new DockerClientConfiguration(new Uri(DockerEndpoint)).CreateClient();

    public async Task InitializeAsync() => await RunScriptAsync("up");

    public Task StopBrokerAsync() => RunScriptAsync("stop-rabbitmq");

    public Task StartBrokerAsync() => RunScriptAsync("start-rabbitmq");

    public Task RestartEngineAsync() => RunScriptAsync("restart-docker");

    /// <summary>Runs containers to their end, some at a time; container n exits with <paramref name="exitCode"/>(n).</summary>
    public async Task<IReadOnlyDictionary<string, int>> RunToExitAsync(string namePrefix, int count, int parallelism, Func<int, int> exitCode)
    {
        var exits = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (n, token) =>
        {
            var id = await StartAsync($"{namePrefix}-{n}", token, "sh", "-c", $"exit {exitCode(n)}");
            await Docker.Containers.WaitContainerAsync(id, token);
            exits[id] = exitCode(n);
        });
        return exits;
    }

    /// <summary>Creates and starts a container; returns its id.</summary>
    public async Task<string> StartAsync(string name, CancellationToken cancellationToken, params string[] command)
    {
        var created = await Docker.Containers.CreateContainerAsync(
            new CreateContainerParameters { Name = name, Image = ServicesFixture.Image, Cmd = command, HostConfig = new HostConfig { NetworkMode = "none" } },
            cancellationToken);
        await Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
        return created.ID;
    }

    public async Task DisposeAsync()
    {
        Docker.Dispose();
        await RunScriptAsync("down");
    }

    private static async Task RunScriptAsync(string command)
    {
        var script = Path.Combine(RepoPaths.Root, "deploy", "dev", "chaos.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'deploy/dev/chaos.sh {command}' failed ({process.ExitCode}); the chaos tests need it as root after 'deploy/dev/services.sh':\n{await stdout}{await stderr}");
        }
    }
}
