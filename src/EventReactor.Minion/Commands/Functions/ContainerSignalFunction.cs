using Docker.DotNet;
using Docker.DotNet.Models;
using EventReactor.Minion.Docker;

namespace EventReactor.Minion.Commands.Functions;

/// <summary><c>container.stop</c> (SIGTERM, then SIGKILL after <c>timeout</c> seconds) and <c>container.kill</c> (a signal).</summary>
internal sealed class ContainerSignalFunction(DockerClientFactory docker, bool kill) : IMinionFunction
{
    public string Name => kill ? "container.kill" : "container.stop";

    public async Task<FunctionResult> ExecuteAsync(FunctionArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        var id = arguments.RequiredString("id");
        var signal = kill ? arguments.OptionalString("signal") ?? "KILL" : null;
        var grace = kill ? null : arguments.OptionalNumber("timeout");
        arguments.EnsureAllRead();
        using var client = docker.Create();
        try
        {
            if (kill)
            {
                await client.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = signal }, cancellationToken);
            }
            else
            {
                await client.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)(grace ?? 10) }, cancellationToken);
            }
        }
        catch (DockerContainerNotFoundException)
        {
            throw new FunctionFailedException($"no container '{id}' on this host");
        }
        catch (DockerApiException ex)
        {
            throw new FunctionFailedException($"the engine refused: {ex.ResponseBody.Trim()}");
        }

        return FunctionResult.Ok(new { id, signal });
    }
}
