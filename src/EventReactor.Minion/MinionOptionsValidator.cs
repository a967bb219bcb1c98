using Microsoft.Extensions.Options;

namespace EventReactor.Minion;

internal sealed class MinionOptionsValidator : IValidateOptions<MinionOptions>
{
    public ValidateOptionsResult Validate(string? name, MinionOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Id) || options.Id.IndexOfAny(['/', '*', '?', '[', ']', ' ', '\t']) >= 0)
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.Id)} '{options.Id}' must be non-empty and free of '/', glob characters and blanks, since it sits in tags");
        }

        if (!Uri.TryCreate(options.ResolveDockerEndpoint(), UriKind.Absolute, out _))
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.Docker)} '{options.ResolveDockerEndpoint()}' is not a URL such as unix:///var/run/docker.sock");
        }

        if (options.ReconnectDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectDelay)
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.ReconnectDelay)} must be positive and at most {nameof(MinionOptions.ReconnectMaxDelay)}");
        }

        if (options.HeartbeatInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.HeartbeatInterval)} must be at least 00:00:01");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
