using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using EventReactor.Minion.Docker;

namespace EventReactor.Minion.Commands.Functions;

/// <summary><c>container.logs</c>: the last <c>tail</c> lines (default 100) of a container's output.</summary>
internal sealed class ContainerLogsFunction(DockerClientFactory docker) : IMinionFunction
{
    public string Name => "container.logs";

    public async Task<FunctionResult> ExecuteAsync(FunctionArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        var id = arguments.RequiredString("id");
        var tail = arguments.OptionalNumber("tail") ?? 100;
        arguments.EnsureAllRead();
        using var client = docker.Create();
        try
        {
            var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = ((int)tail).ToString(CultureInfo.InvariantCulture) };
            using var stream = await client.Containers.GetContainerLogsAsync(id, false, parameters, cancellationToken);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken);
            return FunctionResult.Ok(new { id, stdout, stderr });
        }
        catch (DockerContainerNotFoundException)
        {
            throw new FunctionFailedException($"no container '{id}' on this host");
        }
    }
}
