using System.Globalization;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using EventReactor.Contracts.Jobs;
using EventReactor.Core.Rules;
using EventReactor.Minion.Docker;
using EventReactor.Minion.Metrics;

namespace EventReactor.Minion.Commands.Functions;

/// <summary>
/// <c>container.run</c>: creates and starts a container with resource limits, device pass-through and GPUs.
/// With <c>wait: true</c> it waits for the exit (up to <c>timeout</c>) and returns the exit code and the log tail.
/// </summary>
internal sealed class ContainerRunFunction(DockerClientFactory docker, PolicyChecker policy, MetricsSampler sampler) : IMinionFunction
{
    public const string JobLabel = "eventreactor.jid";
    private const int LogTailLines = 100;

    public string Name => "container.run";

    public async Task<FunctionResult> ExecuteAsync(FunctionArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        var parameters = Build(arguments, context);
        var wait = arguments.OptionalBool("wait", false);
        var autoRemove = arguments.OptionalBool("autoRemove", false);
        var timeout = ReadTimeout(arguments);
        var sampling = ReadSampling(arguments);
        arguments.EnsureAllRead();

        // When waiting, remove after reading the logs rather than letting the engine race us to it.
        parameters.HostConfig.AutoRemove = autoRemove && !wait;
        using var client = docker.Create();
        CreateContainerResponse created;
        try
        {
            created = await client.Containers.CreateContainerAsync(parameters, cancellationToken);
        }
        catch (DockerImageNotFoundException)
        {
            throw new FunctionFailedException($"image '{parameters.Image}' is not on this host; pull it first (image.pull)");
        }
        catch (DockerApiException ex)
        {
            throw new FunctionFailedException($"the engine refused the container: {ex.ResponseBody.Trim()}");
        }

        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
        }
        catch (DockerApiException ex)
        {
            await RemoveQuietlyAsync(client, created.ID);
            throw new FunctionFailedException($"the container did not start: {ex.ResponseBody.Trim()}");
        }

        // Wait only once it has started: the engine's wait (condition not-running, the only one Docker.DotNet asks for)
        // answers at once, with exit code 0, for a container that is merely created. Waiting before the start made
        // `wait` return in milliseconds and the removal that follows killed the container under its sampler.
        // A container that already exited is kept (no auto-remove while waiting), so the wait still reads its code.
        var exited = wait ? client.Containers.WaitContainerAsync(created.ID, cancellationToken) : null;

        if (sampling is { } interval)
        {
            // Sample from the start: a short job may be over before a separate metrics.start could arrive.
            await StartSamplingAsync(created.ID, interval, cancellationToken);
        }

        if (exited is null)
        {
            return FunctionResult.Ok(new { id = created.ID, name = parameters.Name });
        }

        return await WaitAsync(client, created.ID, parameters.Name, exited, timeout, autoRemove, cancellationToken);
    }

    private CreateContainerParameters Build(FunctionArguments arguments, CommandContext context)
    {
        var image = arguments.RequiredString("image");
        policy.CheckImage(image);
        var privileged = arguments.OptionalBool("privileged", false);
        policy.CheckPrivileged(privileged);
        var network = arguments.OptionalString("network");
        policy.CheckNetwork(network);
        var labels = arguments.OptionalStringMap("labels") ?? new Dictionary<string, string>();
        labels[JobLabel] = context.Jid;
        var host = new HostConfig
        {
            Privileged = privileged,
            Devices = ReadDevices(arguments),
            DeviceRequests = ReadGpus(arguments),
            NetworkMode = network,
        };
        if (arguments.OptionalNumber("cpus") is { } cpus)
        {
            if (cpus <= 0)
            {
                throw arguments.Bad("cpus", "must be more than 0");
            }

            policy.CheckCpus(cpus);
            host.NanoCPUs = (long)(cpus * 1_000_000_000);
        }

        if (ReadMemory(arguments) is { } memory)
        {
            policy.CheckMemory(memory);
            host.Memory = memory;
        }

        return new CreateContainerParameters
        {
            Image = image,
            Name = arguments.OptionalString("name"),
            Cmd = arguments.OptionalStringList("command"),
            Env = ReadEnv(arguments),
            Labels = labels,
            HostConfig = host,
        };
    }

    private List<DeviceMapping> ReadDevices(FunctionArguments arguments)
    {
        if (arguments.Optional("devices") is not { } devices)
        {
            return [];
        }

        if (devices.ValueKind != JsonValueKind.Array)
        {
            throw arguments.Bad("devices", "must be a list such as [{host: /dev/nvidia0, container: /dev/nvidia0}]");
        }

        var mappings = new List<DeviceMapping>();
        foreach (var device in devices.EnumerateArray())
        {
            var hostPath = device.ValueKind == JsonValueKind.String ? device.GetString()
                : device.ValueKind == JsonValueKind.Object && device.TryGetProperty("host", out var h) ? h.GetString() : null;
            if (string.IsNullOrEmpty(hostPath))
            {
                throw arguments.Bad("devices", "needs 'host' in every item");
            }

            policy.CheckDevice(hostPath);
            mappings.Add(new DeviceMapping
            {
                PathOnHost = hostPath,
                PathInContainer = device.ValueKind == JsonValueKind.Object && device.TryGetProperty("container", out var c) ? c.GetString() : hostPath,
                CgroupPermissions = device.ValueKind == JsonValueKind.Object && device.TryGetProperty("permissions", out var p) ? p.GetString() : "rwm",
            });
        }

        return mappings;
    }

    // gpus: { count: 2 } or { ids: [GPU-uuid, ...] }, optionally with capabilities; -1 or "all" means every GPU.
    private static List<DeviceRequest> ReadGpus(FunctionArguments arguments)
    {
        if (arguments.Optional("gpus") is not { } gpus)
        {
            return [];
        }

        var request = new DeviceRequest { Capabilities = [["gpu"]] };
        if (gpus.ValueKind == JsonValueKind.String && gpus.GetString() == "all")
        {
            request.Count = -1;
            return [request];
        }

        if (gpus.ValueKind != JsonValueKind.Object)
        {
            throw arguments.Bad("gpus", "must be 'all' or a map with 'count' or 'ids'");
        }

        if (gpus.TryGetProperty("count", out var count))
        {
            request.Count = count.ValueKind == JsonValueKind.Number ? count.GetInt64() : count.GetString() == "all" ? -1 : throw arguments.Bad("gpus", "count must be a number or 'all'");
        }
        else if (gpus.TryGetProperty("ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            request.DeviceIDs = ids.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()).ToList();
        }
        else
        {
            throw arguments.Bad("gpus", "needs 'count' or 'ids'");
        }

        if (gpus.TryGetProperty("capabilities", out var capabilities) && capabilities.ValueKind == JsonValueKind.Array)
        {
            request.Capabilities = [capabilities.EnumerateArray().Select(c => c.GetString()!).ToList()];
        }

        return [request];
    }

    private static List<string>? ReadEnv(FunctionArguments arguments) => arguments.Optional("env") switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } map => map.EnumerateObject().Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}").ToList(),
        { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().Select(i => i.GetString() ?? string.Empty).ToList(),
        _ => throw arguments.Bad("env", "must be a map or a list of NAME=value"),
    };

    private static long? ReadMemory(FunctionArguments arguments) => arguments.Optional("memory") switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } number => number.GetInt64(),
        { ValueKind: JsonValueKind.String } text when ByteSize.TryParse(text.GetString()!, out var bytes) => bytes,
        _ => throw arguments.Bad("memory", "must be bytes or a size such as 512m"),
    };

    // metrics: { interval: 100ms }
    private static TimeSpan? ReadSampling(FunctionArguments arguments) => arguments.Optional("metrics") switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } metrics when metrics.EnumerateObject().All(p => p.Name == "interval") =>
            SamplingInterval.Read(arguments, "metrics", metrics.TryGetProperty("interval", out var interval) ? interval : null) ?? MetricsOptions.MinInterval * 10,
        _ => throw arguments.Bad("metrics", "must be a map such as {interval: 100ms}"),
    };

    private async Task StartSamplingAsync(string id, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await sampler.StartAsync(id, interval, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // It already exited: there is nothing left to sample, and the run itself succeeded.
        }
    }

    private static TimeSpan? ReadTimeout(FunctionArguments arguments) => arguments.Optional("timeout") switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } seconds => TimeSpan.FromSeconds(seconds.GetDouble()),
        { ValueKind: JsonValueKind.String } text when DurationParser.TryParse(text.GetString()!, out var duration) => duration,
        _ => throw arguments.Bad("timeout", "must be seconds or a duration such as 30s"),
    };

    private static async Task<FunctionResult> WaitAsync(DockerClient client, string id, string? name, Task<ContainerWaitResponse> exited, TimeSpan? timeout, bool remove, CancellationToken cancellationToken)
    {
        var timedOut = false;
        if (timeout is { } limit && await Task.WhenAny(exited, Task.Delay(limit, cancellationToken)) != exited)
        {
            timedOut = true;
            await client.Containers.KillContainerAsync(id, new ContainerKillParameters(), CancellationToken.None);
        }

        var exitCode = (int)(await exited).StatusCode;
        var state = (await client.Containers.InspectContainerAsync(id, CancellationToken.None)).State;
        var logs = await TailAsync(client, id);
        if (remove)
        {
            await RemoveQuietlyAsync(client, id);
        }

        var value = new ContainerRunCompleted(id, name, exitCode, state.OOMKilled, timedOut, logs);
        if (timedOut)
        {
            return new FunctionResult(false, 124, value);
        }

        return new FunctionResult(exitCode == 0, exitCode, value);
    }

    private static async Task<string> TailAsync(DockerClient client, string id)
    {
        var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = LogTailLines.ToString(CultureInfo.InvariantCulture) };
        using var stream = await client.Containers.GetContainerLogsAsync(id, false, parameters, CancellationToken.None);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None);
        return stdout + stderr;
    }

    private static async Task RemoveQuietlyAsync(DockerClient client, string id)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
        catch (DockerApiException)
        {
            // Already gone.
        }
    }
}
