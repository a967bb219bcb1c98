using Docker.DotNet;
using Docker.DotNet.Models;
using EventReactor.Minion.Docker;

namespace EventReactor.Minion.Commands.Functions;

/// <summary><c>image.pull</c>: pulls an image the policy allows, from the registry its name points at.</summary>
internal sealed class ImagePullFunction(DockerClientFactory docker, PolicyChecker policy) : IMinionFunction
{
    public string Name => "image.pull";

    public async Task<FunctionResult> ExecuteAsync(FunctionArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        var image = arguments.RequiredString("image");
        arguments.EnsureAllRead();
        policy.CheckImage(image);
        var colon = image.LastIndexOf(':');
        var (name, tag) = colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
        using var client = docker.Create();
        var failure = default(string);
        try
        {
            await client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = name, Tag = tag },
                null,
                new Progress<JSONMessage>(message => failure ??= message.ErrorMessage),
                cancellationToken);
        }
        catch (DockerApiException ex)
        {
            throw new FunctionFailedException($"pull of '{image}' failed: {ex.ResponseBody.Trim()}");
        }

        return failure is null ? FunctionResult.Ok(new { image = $"{name}:{tag}" }) : throw new FunctionFailedException($"pull of '{image}' failed: {failure}");
    }
}
